import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { onPostgres, startApp, TestApp, TEST_DATABASE_URL } from './helpers/app';
import { binary } from './helpers/binary';
import { docxText, pdfText } from './helpers/documents';

type Agent = ReturnType<TestApp['as']>;

const CENTER = {
  LEGAL_AID_CENTER_NAME: '常州市溧阳法律援助中心',
  LEGAL_AID_CENTER_ADDRESS: '江苏省溧阳市燕山中路1号',
  LEGAL_AID_CENTER_PHONE: '0519-87212348',
  LETTER_NUMBER_PREFIX: '溧援函',
};

/** A clerk, a dispatcher, a station with lawyers, and `appointed(n)`: n cases each with an appointed lawyer. */
async function court(t: TestApp, lawyers = 3) {
  const clerk = t.as(await t.tokenFor('court_clerk'));
  const dispatcher = t.as(await t.tokenFor('dispatcher'));
  const stationId = (await createStation(t)).id;
  for (let i = 0; i < lawyers; i++) await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201);
  const appointed = async (n = 1, o: Record<string, unknown> = {}) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const c = (await clerk.post('/api/v1/court-notices').send(noticeBody(stationId, o)).expect(201)).body;
      await dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(201);
      ids.push(c.caseId);
    }
    return ids;
  };
  return { clerk, dispatcher, appointed };
}

const download = (agent: Agent, caseId: string, format = 'docx') =>
  agent.get(`/api/v1/cases/${caseId}/appointment-letter?format=${format}`).buffer(true).parse(binary);

const numberIn = (text: string): string => /溧援函〔\d{4}〕第(\d+)号/.exec(text)?.[0] ?? '';

describe('the appointment letter 法律援助公函 as a court files it (Art 6, e2e)', () => {
  let t: TestApp;
  let c: Awaited<ReturnType<typeof court>>;
  beforeAll(async () => {
    t = await startApp({ env: CENTER });
    c = await court(t, 12);
  });
  afterAll(() => t.close());

  it('numbers letters per year, keeps a letter’s number and date on a second download, and names the file in Chinese', async () => {
    const [first, second] = await c.appointed(2);
    const res = await download(c.clerk, first).expect(200);
    const text = await docxText(res.body as Buffer);
    const no = numberIn(text);
    expect(no).toMatch(/^溧援函〔2026〕第\d+号$/);
    for (const part of ['常州市溧阳法律援助中心', '江苏省溧阳市燕山中路1号', '0519-87212348', '（盖章处）', '二〇二六年十月十二日'])
      expect(text).toContain(part);

    const caseNo = (await c.dispatcher.get(`/api/v1/cases/${first}`).expect(200)).body.courtCaseNo as string;
    const disposition = res.headers['content-disposition'];
    expect(disposition).toMatch(/^attachment; filename="appointment-letter-2026-\d+\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(`法律援助公函-${caseNo}.docx`);

    t.clock.set('2026-10-14T02:00:00Z');
    expect(numberIn(await docxText((await download(c.clerk, first).expect(200)).body as Buffer))).toBe(no);
    expect(await docxText((await download(c.clerk, first).expect(200)).body as Buffer)).toContain('二〇二六年十月十二日');
    const serial = Number(/第(\d+)号/.exec(no)![1]);
    expect(numberIn(await docxText((await download(c.clerk, second).expect(200)).body as Buffer))).toBe(`溧援函〔2026〕第${serial + 1}号`);
  });

  it('offers the same letter as a PDF with the CJK text embedded', async () => {
    const [id] = await c.appointed(1);
    const docx = await docxText((await download(c.clerk, id).expect(200)).body as Buffer);
    const res = await download(c.clerk, id, 'pdf').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(res.headers['content-disposition'].split("UTF-8''")[1])).toMatch(/^法律援助公函-.+\.pdf$/);
    const text = await pdfText(res.body as Buffer);
    for (const part of [
      '法律援助公函',
      '常州市溧阳法律援助中心',
      numberIn(docx),
      '溧阳市人民法院',
      '盗窃罪',
      '（盖章处）',
      '二〇二六年十月十四日',
      '特此函告。',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('answers 400 naming the field for an unknown format', async () => {
    const [id] = await c.appointed(1);
    const res = await c.clerk.get(`/api/v1/cases/${id}/appointment-letter?format=odt`).expect(400);
    expect(JSON.stringify(res.body)).toContain('format');
  });

  it('hands out consecutive serials with no gap and no duplicate under parallel downloads', async () => {
    const ids = await c.appointed(8);
    // Every letter asked for three times at once: one number per appointment, whatever wins.
    const texts = await Promise.all(
      ids.flatMap((id) =>
        [0, 1, 2].map(async () => [id, numberIn(await docxText((await download(c.clerk, id).expect(200)).body as Buffer))] as const),
      ),
    );
    const byCase = new Map<string, Set<string>>();
    for (const [id, no] of texts) byCase.set(id, (byCase.get(id) ?? new Set()).add(no));
    expect([...byCase.values()].every((set) => set.size === 1)).toBe(true);
    const serials = [...byCase.values()].map((set) => Number(/第(\d+)号/.exec([...set][0])![1])).sort((a, b) => a - b);
    expect(serials).toEqual(serials.map((_, i) => serials[0] + i));
  });
});

describe('the PDF letter without its CJK font installed (e2e)', () => {
  it('starts, issues the .docx, and answers the PDF with 503 naming LETTER_PDF_FONT without using up a serial', async () => {
    const t = await startApp({ env: { ...CENTER, LETTER_PDF_FONT: '/nonexistent/uming.ttc' } });
    try {
      const c = await court(t);
      const [first, second] = await c.appointed(2);
      const refused = await download(c.clerk, first, 'pdf').expect(503);
      const body = JSON.parse((refused.body as Buffer).toString('utf8'));
      expect(body).toMatchObject({ code: 'LETTER_PDF_FONT_MISSING', settings: ['LETTER_PDF_FONT'] });
      expect(body.message).toContain('fonts-arphic-uming');
      expect(numberIn(await docxText((await download(c.clerk, second).expect(200)).body as Buffer))).toMatch(/第1号/);
    } finally {
      await t.close();
    }
  });
});

describe('letters while the center is still the shipped placeholder (e2e)', () => {
  it('refuses with 409 naming the settings in production, and issues once they are set', async () => {
    const t = await startApp({ env: { NODE_ENV: 'production', LEGAL_AID_CENTER_NAME: '常州市溧阳法律援助中心' } });
    try {
      const c = await court(t);
      const [id] = await c.appointed(1);
      const res = await download(c.clerk, id).expect(409);
      const body = JSON.parse((res.body as Buffer).toString('utf8'));
      expect(body).toMatchObject({
        code: 'LEGAL_AID_CENTER_NOT_CONFIGURED',
        settings: ['LEGAL_AID_CENTER_ADDRESS', 'LEGAL_AID_CENTER_PHONE'],
      });
      expect(body.message).toContain('LEGAL_AID_CENTER_ADDRESS, LEGAL_AID_CENTER_PHONE');
    } finally {
      await t.close();
    }
  });

  it('issues with the shipped details outside production (a trial run)', async () => {
    const t = await startApp();
    try {
      const c = await court(t);
      const [id] = await c.appointed(1);
      await download(c.clerk, id).expect(200);
    } finally {
      await t.close();
    }
  });
});

describe('two instances numbering letters on one database (e2e)', () => {
  const file = join(tmpdir(), `letters-${process.pid}-${Date.now()}.sqlite`);
  const env = onPostgres ? CENTER : { ...CENTER, DATABASE_URL: `sqlite:${file}` };
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startApp({ env });
    b = await startApp({ env, keepSchema: true });
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    if (!onPostgres) rmSync(file, { force: true });
  });

  it(`never gives two letters one number, whichever instance issues them (${onPostgres ? 'PostgreSQL' : 'one SQLite file'})`, async () => {
    expect(TEST_DATABASE_URL).toBeTruthy();
    const ca = await court(a, 10);
    const ids = await ca.appointed(10);
    const clerkB = b.as(await b.tokenFor('court_clerk'));
    const numbers = await Promise.all(
      ids.flatMap((id) =>
        [ca.clerk, clerkB].map(
          async (agent) => [id, numberIn(await docxText((await download(agent, id).expect(200)).body as Buffer))] as const,
        ),
      ),
    );
    const perCase = new Map(numbers);
    expect(numbers.every(([id, no]) => perCase.get(id) === no)).toBe(true);
    const serials = [...perCase.values()].map((no) => Number(/第(\d+)号/.exec(no)![1])).sort((x, y) => x - y);
    expect(serials).toEqual(serials.map((_, i) => i + 1));
  });
});
