import { Writable } from 'node:stream';
import type { LedgerColumn } from './domain/ledger-columns';
import { writeCsv, writeJson } from './ledger-writers';

const COLUMNS: LedgerColumn<string>[] = [{ header: '内容', width: 10, value: (r) => r }];

/** A client that reads nothing: every write waits for a 'drain' that never comes. */
const stalled = () => new Writable({ highWaterMark: 1024, write: () => undefined });

/** Endless pages of long rows; `closed` tells whether the reader was told to stop (its finally ran). */
function endless(): { pages: AsyncGenerator<string[]>; closed: () => boolean } {
  let closed = false;
  async function* pages() {
    try {
      for (;;) yield Array.from({ length: 100 }, () => 'x'.repeat(1000));
    } finally {
      closed = true;
    }
  }
  return { pages: pages(), closed: () => closed };
}

describe('ledger writers when the client goes away mid-download', () => {
  it.each([
    ['CSV', (out: Writable, pages: AsyncGenerator<string[]>) => writeCsv(out, COLUMNS, pages)],
    ['JSON', (out: Writable, pages: AsyncGenerator<string[]>) => writeJson(out, {}, [{ name: 'helpRecords', pages }])],
  ])('%s: stops waiting for drain and closes the reader (its database cursor)', async (_, write) => {
    const out = stalled();
    const source = endless();
    const writing = write(out, source.pages);
    setImmediate(() => out.destroy());
    await expect(writing).rejects.toThrow();
    expect(source.closed()).toBe(true);
  });

  it('CSV: writes every page to a client that reads', async () => {
    let text = '';
    const out = new Writable({ write: (chunk: Buffer, _e, done) => ((text += chunk.toString()), done()) });
    async function* pages() {
      yield ['a', 'b'];
      yield ['c'];
    }
    await writeCsv(out, COLUMNS, pages());
    expect(text).toBe('\uFEFF内容\r\na\r\nb\r\nc\r\n');
  });
});
