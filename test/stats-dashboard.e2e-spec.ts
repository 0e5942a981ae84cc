import ExcelJS from 'exceljs';
import { seedStatsScenario, StatsScenario } from './factories/stats-scenario';
import { binary } from './helpers/binary';
import { startApp, TestApp } from './helpers/app';

/** The dashboard's endpoints (issue 11, supervisor) with exact figures on a seeded court. */
describe('dashboard statistics (e2e)', () => {
  let t: TestApp;
  let supervisor: ReturnType<TestApp['as']>;
  let s: StatsScenario;
  const both = 'from=2026-09-01&to=2026-10-31';
  const october = 'from=2026-10-01&to=2026-10-31';

  beforeAll(async () => {
    t = await startApp();
    s = await seedStatsScenario(t);
    supervisor = t.as(await t.tokenFor('supervisor'));
  });
  afterAll(() => t.close());

  it('gives the coverage rate per month, overall and per route (Art 2, 3)', async () => {
    const res = await supervisor.get(`/api/v1/stats/coverage/monthly?${both}`).expect(200);
    expect(res.body.months).toEqual([
      {
        month: '2026-09',
        defendants: 2,
        byRoute: { appointed_defence: 1, duty_lawyer_help: 1, none: 0 },
        outcomes: {
          appointed: 1,
          awaitingAppointment: 0,
          dutyHelpRecorded: 0,
          dutyHelpPending: 1,
          retainedCounsel: 0,
          refusedAid: 0,
          terminated: 0,
        },
        coverageRate: 0.5,
        deadlineCompliance: { appointments: 1, onTime: 1, rate: 1 },
        routeRates: { appointedDefence: 1, dutyHelp: 0 },
      },
      {
        month: '2026-10',
        defendants: 4,
        byRoute: { appointed_defence: 2, duty_lawyer_help: 0, none: 2 },
        outcomes: {
          appointed: 1,
          awaitingAppointment: 1,
          dutyHelpRecorded: 0,
          dutyHelpPending: 0,
          retainedCounsel: 1,
          refusedAid: 1,
          terminated: 0,
        },
        coverageRate: 0.6667,
        deadlineCompliance: { appointments: 1, onTime: 1, rate: 1 },
        routeRates: { appointedDefence: 0.5, dutyHelp: null },
      },
    ]);
    expect(res.body.total).toMatchObject({ defendants: 6, coverageRate: 0.6, routeRates: { appointedDefence: 0.6667, dutyHelp: 0 } });
  });

  it('checks the Art 6 three days and the Art 12 file reading per month, a case left waiting counted as a miss', async () => {
    const res = await supervisor.get(`/api/v1/stats/deadlines?${both}`).expect(200);
    expect(res.body).toEqual({
      from: '2026-09-01',
      to: '2026-10-31',
      today: '2026-10-20',
      months: [
        {
          month: '2026-09',
          art6: { appointed: 1, onTime: 1, late: 0, overdueUnappointed: 0, rate: 1 },
          art12: { appointments: 1, onTime: 0, late: 0, overdue: 1, pending: 0, rate: 0 },
        },
        {
          month: '2026-10',
          art6: { appointed: 1, onTime: 1, late: 0, overdueUnappointed: 1, rate: 0.5 },
          art12: { appointments: 1, onTime: 1, late: 0, overdue: 0, pending: 0, rate: 1 },
        },
      ],
      total: {
        art6: { appointed: 2, onTime: 2, late: 0, overdueUnappointed: 1, rate: 0.6667 },
        art12: { appointments: 2, onTime: 1, late: 0, overdue: 1, pending: 0, rate: 0.5 },
      },
    });
  });

  it('measures the fairness of appointments and of published duty shifts (rule 4, rule 10)', async () => {
    const res = await supervisor.get(`/api/v1/stats/fairness?${october}`).expect(200);
    expect(res.body.appointments).toMatchObject({
      lawyers: 4,
      total: 1,
      min: 0,
      max: 1,
      mean: 0.25,
      gini: 0.75,
      top10Share: 1,
      histogram: [
        { from: 0, to: 0, lawyers: 3 },
        { from: 1, to: 1, lawyers: 1 },
      ],
    });
    expect(res.body.appointments.perLawyer[0]).toMatchObject({ lawyerId: s.appointedInOctober, count: 1 });
    // 丁 serves at no station: not in the duty-shift figures; 丙's draft shift does not count.
    expect(res.body.shifts).toEqual({
      lawyers: 3,
      total: 3,
      min: 0,
      max: 2,
      mean: 1,
      gini: 0.4444,
      top10Share: 0.6667,
      histogram: [
        { from: 0, to: 0, lawyers: 1 },
        { from: 1, to: 1, lawyers: 1 },
        { from: 2, to: 2, lawyers: 1 },
      ],
      perLawyer: [
        { lawyerId: s.lawyers[0].id, name: '甲律师', count: 2 },
        { lawyerId: s.lawyers[1].id, name: '乙律师', count: 1 },
        { lawyerId: s.lawyers[2].id, name: '丙律师', count: 0 },
      ],
    });
    const wider = await supervisor.get(`/api/v1/stats/fairness?${both}`).expect(200);
    expect(wider.body.appointments).toMatchObject({ total: 2, gini: 0.5, top10Share: 0.5 });
    expect(wider.body.shifts).toMatchObject({ total: 4, max: 3 });
  });

  it('counts objections and their outcomes, the 5-day review overdue (Art 18)', async () => {
    const res = await supervisor.get(`/api/v1/stats/objections?${both}`).expect(200);
    const october = { filed: 2, filedLate: 0, pending: 1, overdue: 1, upheld: 1, aidOrdered: 0, decidedLate: 0 };
    expect(res.body).toEqual({
      from: '2026-09-01',
      to: '2026-10-31',
      today: '2026-10-20',
      months: [
        { month: '2026-09', filed: 0, filedLate: 0, pending: 0, overdue: 0, upheld: 0, aidOrdered: 0, decidedLate: 0 },
        { month: '2026-10', ...october },
      ],
      total: october,
    });
  });

  it('exports each table as CSV with a BOM and as XLSX, the same rows', async () => {
    const csv = await supervisor.get(`/api/v1/stats/export?report=coverage&format=csv&${both}`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('辩护率_2026-09-01_2026-10-31.csv')}`);
    expect(csv.text.split('\r\n')).toEqual([
      '\uFEFF月份,被告人,指派辩护,值班律师法律帮助,不予指派,已指派律师,已提供法律帮助,自行委托,拒绝援助,辩护率,指派辩护覆盖率,法律帮助覆盖率',
      '2026-09,2,1,1,0,1,0,0,0,50.0%,100.0%,0.0%',
      '2026-10,4,2,0,2,1,0,1,1,66.7%,50.0%,—',
      '合计,6,3,1,2,2,0,1,1,60.0%,66.7%,0.0%',
      '',
    ]);
    const xlsx = await supervisor.get(`/api/v1/stats/export?report=shifts&format=xlsx&${october}`).buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as Parameters<typeof book.xlsx.load>[0]);
    const rows = (book.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows).toEqual([
      ['值班分布（基尼系数 0.4444，前 10% 律师占 66.7%）'],
      ['序号', '律师', '值班次数'],
      [1, '甲律师', 2],
      [2, '乙律师', 1],
      [3, '丙律师', 0],
    ]);
  });

  it('rejects an unknown report or format naming the field', async () => {
    const bad = await supervisor.get('/api/v1/stats/export?report=salaries&format=csv').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['report']);
    const noFormat = await supervisor.get('/api/v1/stats/export?report=coverage').expect(400);
    expect(noFormat.body.details.map((d: { field: string }) => d.field)).toEqual(['format']);
    await supervisor.get('/api/v1/stats/deadlines?from=2026-10-31&to=2026-10-01').expect(400);
  });
});
