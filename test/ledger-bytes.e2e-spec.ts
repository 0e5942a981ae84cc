import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { iso, newId, sortableId } from '../src/database/columns';
import { HelpRecord } from '../src/ledger/ledger.entities';
import { lawyerBody } from './factories/lawyer.factory';
import { createShift } from './factories/shift.factory';
import { createStation } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';
import { binary } from './helpers/binary';

/**
 * The exports' bytes, pinned: a ledger seeded with awkward values (commas, quotes, line
 * breaks, formula-leading = + - @ text, instants at local midnight and with milliseconds, a
 * station across a DST change) exported as CSV and JSON, compared with the golden file the
 * export wrote before its reader was rewritten for speed. Ids are random per run, so each
 * UUID is replaced by its place of first appearance. The output must not depend on the
 * server's zone: CI runs this under TZ=UTC and TZ=America/New_York against the same file.
 * `UPDATE_LEDGER_GOLDEN=1` rewrites the file (only for an intended change of the format).
 */
const GOLDEN = join(__dirname, 'fixtures', 'ledger-export-golden.json');

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function normalise(text: string): string {
  const seen = new Map<string, string>();
  return text.replace(UUID, (id) => {
    if (!seen.has(id)) seen.set(id, `<id${seen.size + 1}>`);
    return seen.get(id)!;
  });
}

const AWKWARD = [
  '告知权利，"认罪认罚"后果, 见证签署',
  '=HYPERLINK("http://x") 申请变更',
  '+86 138 0000 0000 回电',
  '-2 天后复查',
  '@张三 代为转达',
  '第一行\r\n第二行\n第三行',
  '\t以制表符开头',
  '普通摘要',
];

describe('ledger export bytes stay as they were (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  const outputs: Record<string, string> = {};

  function helpRecord(r: Partial<HelpRecord> & Pick<HelpRecord, 'shiftId' | 'stationId' | 'lawyerId' | 'date' | 'startedAt'>): HelpRecord {
    return Object.assign(new HelpRecord(), {
      id: sortableId(new Date(r.startedAt)),
      caseId: null,
      courtCaseNo: '（2026）苏0481刑初1号',
      defendantName: '王五',
      helpType: 'procedural_advice',
      summary: '普通摘要',
      endedAt: r.startedAt,
      correctsId: null,
      correctionReason: null,
      afterSignOff: false,
      createdBy: newId(),
      createdAt: r.startedAt,
      updatedAt: r.startedAt,
      ...r,
    });
  }

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T01:00:00Z' });
    ds = t.app.get(DataSource);
    const dispatcher = t.as(await t.tokenFor('dispatcher'));
    const station = (await createStation(t, { name: '溧阳,"值班点"' })).id;
    const lawyers: { id: string; as: ReturnType<TestApp['as']> }[] = [];
    const names = [
      ['=王,"五"', '律师事务所，"甲"'],
      ['@李四', '-乙所\n分所'],
    ];
    for (const [name, firm] of names) {
      const id = (
        await dispatcher
          .post('/api/v1/lawyers')
          .send(lawyerBody({ dutyStationIds: [station] }))
          .expect(201)
      ).body.id as string;
      await ds.createQueryBuilder().update('lawyers').set({ name, firm }).where('id = :id', { id }).execute();
      lawyers.push({ id, as: t.as(await t.tokenFor('lawyer', id)) });
    }
    const day = '2026-10-12';
    const night = await createShift(t.app, {
      stationId: station,
      date: day,
      startTime: '00:00',
      endTime: '08:00',
      lawyerId: lawyers[0].id,
    });
    const morning = await createShift(t.app, {
      stationId: station,
      date: day,
      startTime: '09:00',
      endTime: '12:00',
      lawyerId: lawyers[1].id,
    });
    const afternoon = await createShift(t.app, {
      stationId: station,
      date: day,
      startTime: '13:30',
      endTime: '17:00',
      lawyerId: lawyers[0].id,
    });
    await createShift(t.app, { stationId: station, date: day, startTime: '18:00', endTime: '23:59', lawyerId: null });
    await createShift(t.app, { stationId: station, date: '2026-10-13', startTime: '09:00', endTime: '12:00', lawyerId: lawyers[1].id });

    // Duty log: on time at midnight, late then corrected, a dispatcher's backfill with an awkward reason.
    t.clock.set(`${day}T00:00:00+08:00`);
    await lawyers[0].as.post(`/api/v1/shifts/${night.id}/check-in`).expect(201);
    t.clock.set(`${day}T07:59:59.999+08:00`);
    await lawyers[0].as.post(`/api/v1/shifts/${night.id}/check-out`).expect(201);
    t.clock.set(`${day}T09:25:00+08:00`);
    const late = (await lawyers[1].as.post(`/api/v1/shifts/${morning.id}/check-in`).expect(201)).body.id as string;
    t.clock.set(`${day}T18:00:00+08:00`);
    await dispatcher
      .post(`/api/v1/duty-log/${late}/corrections`)
      .send({ at: `${day}T09:02:00+08:00`, reason: '=门禁记录, "9:02"' })
      .expect(201);
    await dispatcher
      .post(`/api/v1/shifts/${afternoon.id}/duty-log`)
      .send({ kind: 'check_in', at: `${day}T13:31:00+08:00`, reason: '手机没电,"无法"\n签到' })
      .expect(201);
    await dispatcher
      .post(`/api/v1/shifts/${afternoon.id}/duty-log`)
      .send({ kind: 'check_out', at: `${day}T17:00:00+08:00`, reason: '+代签退' })
      .expect(201);

    // Help records: awkward text, local midnight, milliseconds, a correction chain.
    const rows = AWKWARD.map((summary, i) =>
      helpRecord({
        shiftId: i % 2 ? morning.id : night.id,
        stationId: station,
        lawyerId: i % 2 ? lawyers[1].id : lawyers[0].id,
        date: day,
        startedAt: iso(new Date(Date.parse(`${day}T00:00:00+08:00`) + i * 3_600_000)),
        endedAt: iso(new Date(Date.parse(`${day}T00:00:00+08:00`) + i * 3_600_000 + 59 * 60_000 + 59_999)),
        createdAt: iso(new Date(Date.parse(`${day}T00:00:00+08:00`) + i * 3_600_000 + 123)),
        updatedAt: i === 3 ? '2026-10-12T16:00:00.000Z' : iso(new Date(Date.parse(`${day}T00:00:00+08:00`) + i * 3_600_000 + 123)),
        summary,
        defendantName: i === 2 ? '"张,三"' : `被告人${i}`,
        courtCaseNo: i === 4 ? '-（2026）苏0481刑初4号' : `（2026）苏0481刑初${i}号`,
        helpType: (['plea_presence', 'coercive_measure_change', 'procedural_advice'] as const)[i % 3],
      }),
    );
    const correction = helpRecord({
      ...rows[1],
      id: sortableId(new Date('2026-10-12T10:00:00Z')),
      summary: '更正后的摘要',
      correctsId: rows[1].id,
      correctionReason: '@更正, "时间"\n错误',
      afterSignOff: true,
      createdAt: '2026-10-12T16:00:00.000Z',
      updatedAt: '2026-10-12T16:00:00.000Z',
    });
    await ds.getRepository(HelpRecord).insert([...rows, correction]);
    await lawyers[0].as.post('/api/v1/ledger/sign-offs').send({ stationId: station, date: day }).expect(201);

    // A station across New York's DST end (2026-11-01 02:00 EDT → 01:00 EST).
    const ny = (await createStation(t, { name: 'NY', timezone: 'America/New_York' })).id;
    const nyShift = await createShift(t.app, {
      stationId: ny,
      date: '2026-11-01',
      startTime: '00:30',
      endTime: '03:30',
      lawyerId: lawyers[0].id,
    });
    const nyRows = ['2026-11-01T04:00:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.500Z', '2026-11-01T07:59:59.999Z'].map(
      (at) =>
        helpRecord({
          shiftId: nyShift.id,
          stationId: ny,
          lawyerId: lawyers[0].id,
          date: '2026-11-01',
          startedAt: at,
          summary: `夏令时,${at}`,
        }),
    );
    await ds.getRepository(HelpRecord).insert(nyRows);

    const get = async (url: string, as = dispatcher) =>
      normalise(((await as.get(url).buffer(true).parse(binary).expect(200)).body as Buffer).toString('utf8'));
    const a = `/api/v1/ledger?stationId=${station}&from=2026-10-11&to=2026-10-13`;
    const b = `/api/v1/ledger?stationId=${ny}&from=2026-10-31&to=2026-11-02`;
    outputs['help.csv'] = await get(`${a}&format=csv`);
    outputs['duty.csv'] = await get(`${a}&format=csv&part=duty`);
    outputs['ledger.json'] = await get(a);
    outputs['own.json'] = await get(a, lawyers[1].as);
    outputs['ny-help.csv'] = await get(`${b}&format=csv`);
    outputs['ny.json'] = await get(b);
    if (process.env.UPDATE_LEDGER_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(outputs, null, 1)}\n`);
  });
  afterAll(() => t.close());

  it.each(['help.csv', 'duty.csv', 'ledger.json', 'own.json', 'ny-help.csv', 'ny.json'])('%s is byte for byte the golden one', (name) => {
    expect(existsSync(GOLDEN)).toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    expect(outputs[name]).toBe(golden[name]);
  });
});
