import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { iso, newId, sortableId } from '../src/database/columns';
import { HelpRecord } from '../src/ledger/ledger.entities';
import { lawyerBody } from './factories/lawyer.factory';
import { createShift } from './factories/shift.factory';
import { createStation } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';
import { binary } from './helpers/binary';

type Agent = ReturnType<TestApp['as']>;

describe('duty ledger export 台账导出 (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let stationId: string;
  let dispatcher: Agent;
  let supervisor: Agent;
  const lawyers: { id: string; name: string; as: Agent }[] = [];
  const day = '2026-10-12';
  const q = (extra = '') => `/api/v1/ledger?stationId=${stationId}&from=${day}&to=${day}${extra}`;

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T01:00:00Z' });
    ds = t.app.get(DataSource);
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    supervisor = t.as(await t.tokenFor('supervisor'));
    stationId = (await createStation(t, { name: '溧阳法院值班点' })).id;
    for (let i = 0; i < 2; i++) {
      const l = await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ dutyStationIds: [stationId] }))
        .expect(201);
      lawyers.push({ id: l.body.id, name: l.body.name, as: t.as(await t.tokenFor('lawyer', l.body.id)) });
    }
    // A morning and an afternoon shift, one help record each; the summary needs CSV quoting.
    const times = [
      ['09:00', '12:00', '10:00', '10:30'],
      ['13:30', '17:00', '14:00', '14:45'],
    ];
    for (const [i, [start, end, from, to]] of times.entries()) {
      const s = await createShift(t.app, { stationId, date: day, startTime: start, endTime: end, lawyerId: lawyers[i].id });
      t.clock.set(`${day}T${start}:00+08:00`);
      await lawyers[i].as.post(`/api/v1/shifts/${s.id}/check-in`).expect(201);
      t.clock.set(`${day}T${to}:00+08:00`);
      await lawyers[i].as
        .post('/api/v1/help-records')
        .send({
          shiftId: s.id,
          courtCaseNo: `（2026）苏0481刑初${i + 1}号`,
          defendantName: ['王五', '赵六'][i],
          helpType: ['plea_presence', 'coercive_measure_change'][i],
          summary: i ? '=SUM(A1) 申请变更为取保候审' : '告知权利，"认罪认罚"后果，见证签署',
          startedAt: `${day}T${from}:00+08:00`,
          endedAt: `${day}T${to}:00+08:00`,
        })
        .expect(201);
    }
    t.clock.set(`${day}T18:00:00+08:00`);
  });
  afterAll(() => t.close());

  it('JSON: the dispatcher and supervisor read the whole station, a lawyer only their own entries', async () => {
    const all = (await dispatcher.get(q()).expect(200)).body;
    expect(all).toMatchObject({ stationId, stationName: '溧阳法院值班点', timezone: 'Asia/Shanghai', from: day, to: day });
    expect(all.dutyRecords.map((d: { lawyerId: string }) => d.lawyerId)).toEqual([lawyers[0].id, lawyers[1].id]);
    expect(all.helpRecords).toHaveLength(2);
    expect((await supervisor.get(q()).expect(200)).body.helpRecords).toHaveLength(2);
    const own = (await lawyers[1].as.get(q()).expect(200)).body;
    expect(own.helpRecords.map((h: { lawyerId: string }) => h.lawyerId)).toEqual([lawyers[1].id]);
    expect(own.dutyRecords.map((h: { lawyerId: string }) => h.lawyerId)).toEqual([lawyers[1].id]);
    expect(Object.keys((await dispatcher.get(q('&part=help')).expect(200)).body)).not.toContain('dutyRecords');
  });

  it('CSV: UTF-8 with BOM, Chinese headers, quoted text, formula-looking text defused', async () => {
    const res = await dispatcher.get(q('&format=csv')).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('值班台账-溧阳法院值班点')}`);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0].split(',').slice(0, 9)).toEqual([
      '序号',
      '日期',
      '值班律师',
      '案号',
      '被告人',
      '帮助类型',
      '开始时间',
      '结束时间',
      '帮助内容摘要',
    ]);
    expect(lines[1]).toContain(
      `1,${day},${lawyers[0].name},（2026）苏0481刑初1号,王五,认罪认罚具结书签署在场,10:00,10:30,"告知权利，""认罪认罚""后果，见证签署",有效`,
    );
    expect(lines[2]).toContain(",'=SUM(A1) 申请变更为取保候审,");
    expect(lines).toHaveLength(4);
    const duty = (await dispatcher.get(q('&format=csv&part=duty')).buffer(true).parse(binary).expect(200)).body.toString('utf8');
    expect(duty).toContain(`1,${day},09:00-12:00,09:00-12:00,${lawyers[0].name}`);
    expect(duty).toContain('2026-10-12 09:00,,按时签到');
  });

  it('XLSX: two sheets with Chinese headers like the paper ledger, read back with exceljs', async () => {
    const res = await dispatcher.get(q('&format=xlsx')).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['值班记录', '法律帮助记录']);
    const [duty, help] = wb.worksheets;
    expect(String(duty.getCell('A1').value)).toContain('值班律师值班台账（值班记录）');
    expect(String(duty.getCell('A2').value)).toContain('值班点：溧阳法院值班点');
    expect(duty.getRow(3).values).toEqual(expect.arrayContaining(['序号', '值班律师', '签到时间', '签退时间', '出勤情况', '律师签字确认']));
    expect(duty.getCell('E4').value).toBe(lawyers[0].name);
    expect(duty.rowCount).toBe(5);
    expect(help.getCell('D3').value).toBe('案号');
    expect([help.getCell('E4').value, help.getCell('F4').value]).toEqual(['王五', '认罪认罚具结书签署在场']);
    expect(help.getCell('F5').value).toBe('申请变更强制措施');
    expect(help.rowCount).toBe(5);
  });

  it('XLSX: dates and times are real Excel values (they sort), shown in the station’s wall clock', async () => {
    const res = await dispatcher.get(q('&format=xlsx')).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
    const [duty, help] = wb.worksheets;
    // exceljs reads a date cell back as a Date of its fields in UTC: the wall clock as written.
    expect(duty.getCell('B4').value).toEqual(new Date('2026-10-12T00:00:00Z'));
    expect(duty.getCell('B4').numFmt).toBe('yyyy-mm-dd');
    expect(duty.getCell('G4').value).toEqual(new Date('2026-10-12T09:00:00Z'));
    expect(duty.getCell('G4').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(help.getCell('B4').value).toEqual(new Date('2026-10-12T00:00:00Z'));
    // A time of day is Excel's fraction of a day; exceljs reads it back on its epoch day.
    expect(help.getCell('G4').value).toEqual(new Date('1899-12-30T10:00:00Z'));
    expect(help.getCell('H5').value).toEqual(new Date('1899-12-30T14:45:00Z'));
    expect(help.getCell('G4').numFmt).toBe('hh:mm');
    expect(help.getCell('D4').value).toBe('（2026）苏0481刑初1号'); // text stays text
  });

  it('XLSX: prints like the paper ledger — A4 landscape, one page wide, header row on every page, page numbers', async () => {
    const res = await dispatcher.get(q('&format=xlsx')).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Parameters<typeof wb.xlsx.load>[0]);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '3:3',
      });
      expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
      expect(ws.headerFooter.oddHeader).toContain('值班律师值班台账');
    }
  });

  it('bad queries → 400 naming the field; unknown station → 404; other roles → 403', async () => {
    const field = async (url: string) => (await dispatcher.get(url).expect(400)).body.details[0].field;
    expect(await field(q('&format=pdf'))).toBe('format');
    expect(await field(`/api/v1/ledger?stationId=${stationId}&from=${day}&to=2026-10-11`)).toBe('to');
    expect(await field(`/api/v1/ledger?stationId=${stationId}&from=2025-01-01&to=${day}`)).toBe('to');
    expect(await field(`/api/v1/ledger?stationId=${stationId}&from=2026-02-30&to=${day}`)).toBe('from');
    expect(await field(`/api/v1/ledger?from=${day}&to=${day}`)).toBe('stationId');
    expect(await field(q('&part=all'))).toBe('part');
    await dispatcher.get(`/api/v1/ledger?stationId=6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01&from=${day}&to=${day}`).expect(404);
    await t
      .as(await t.tokenFor('court_clerk'))
      .get(q())
      .expect(403);
    await t
      .as(await t.tokenFor('reception'))
      .get(q())
      .expect(403);
    await t.http.get(q()).expect(401);
  });

  it('shows a check-in the dispatcher recorded for the lawyer as such, with who and why, in JSON, CSV and XLSX', async () => {
    const other = (await createStation(t, { name: '代登记值班点' })).id;
    const s = await createShift(t.app, { stationId: other, date: day, startTime: '09:00', endTime: '12:00', lawyerId: lawyers[0].id });
    await dispatcher
      .post(`/api/v1/shifts/${s.id}/duty-log`)
      .send({ kind: 'check_in', at: `${day}T09:05:00+08:00`, reason: '律师手机没电' })
      .expect(201);
    const url = `/api/v1/ledger?stationId=${other}&from=${day}&to=${day}`;
    const [row] = (await dispatcher.get(url).expect(200)).body.dutyRecords;
    expect(row.checkInOnBehalf).toEqual({ recordedBy: expect.any(String), recordedByName: 'dispatcher user', reason: '律师手机没电' });
    expect(row.checkOutOnBehalf).toBeNull();
    const csv = (await dispatcher.get(`${url}&format=csv&part=duty`).buffer(true).parse(binary).expect(200)).body.toString('utf8');
    expect(csv).toContain('按时签到（代登记）');
    expect(csv).toContain('签到由dispatcher user代为登记（律师手机没电）');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await dispatcher.get(`${url}&format=xlsx`).buffer(true).parse(binary).expect(200)).body);
    const duty = wb.worksheets[0];
    const headers = duty.getRow(3).values as string[];
    expect(duty.getCell(4, headers.indexOf('出勤情况')).value).toBe('按时签到（代登记）');
    expect(duty.getCell(4, headers.indexOf('代为登记')).value).toBe('签到由dispatcher user代为登记（律师手机没电）');
    // The lawyer's own check-in is an ordinary one.
    expect((await dispatcher.get(q()).expect(200)).body.dutyRecords[0].checkInOnBehalf).toBeNull();
  });

  it('streams a year of a busy station page by page, every row once and in order', async () => {
    const big = (await createStation(t)).id;
    const shift = await createShift(t.app, { stationId: big, date: '2026-01-05', lawyerId: lawyers[0].id });
    const rows: HelpRecord[] = [];
    const base = Date.parse('2026-01-05T02:00:00Z');
    for (let i = 0; i < 1234; i++) {
      const date = new Date(base + Math.floor(i / 5) * 86_400_000).toISOString().slice(0, 10);
      const at = iso(new Date(base + Math.floor(i / 5) * 86_400_000));
      rows.push(
        Object.assign(new HelpRecord(), {
          id: sortableId(new Date(base + i)),
          shiftId: shift.id,
          stationId: big,
          lawyerId: lawyers[0].id,
          date,
          caseId: null,
          courtCaseNo: `（2026）苏0481刑初${i}号`,
          defendantName: `被告人${i}`,
          helpType: 'procedural_advice',
          summary: `第${i}次咨询`,
          startedAt: at,
          endedAt: at,
          correctsId: null,
          correctionReason: null,
          afterSignOff: false,
          createdBy: newId(),
          createdAt: at,
          updatedAt: at,
        }),
      );
    }
    for (let i = 0; i < rows.length; i += 200) await ds.getRepository(HelpRecord).insert(rows.slice(i, i + 200));
    const url = `/api/v1/ledger?stationId=${big}&from=2026-01-01&to=2026-12-31`;
    const csv = (await dispatcher.get(`${url}&format=csv`).buffer(true).parse(binary).expect(200)).body
      .toString('utf8')
      .split('\r\n')
      .slice(1, -1);
    expect(csv).toHaveLength(1234);
    expect(csv.map((l: string) => Number(l.split(',')[3].match(/初(\d+)号/)![1]))).toEqual(rows.map((_, i) => i));
    const json = (await dispatcher.get(`${url}&part=help`).expect(200)).body.helpRecords;
    expect(new Set(json.map((h: { id: string }) => h.id)).size).toBe(1234);
  });
});
