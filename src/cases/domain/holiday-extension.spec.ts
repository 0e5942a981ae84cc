import { HOLIDAY_EXTENSION_VARIABLES, loadConfig } from '../../config/config';
import { WorkdayCalendar } from '../../workdays/domain/workday-calendar';
import { dueDate, holidayExtensionSettings, PERIOD_SPECS, PeriodKind } from './periods';

const calendar = new WorkdayCalendar();

/**
 * DESIGN rule 7: CPL Art 105's extension of a period ending on a holiday is a per-period
 * setting. Each row starts a period so that its last day is 2026-10-01 (National Day):
 * extended → 10-08, strict → 10-01.
 */
describe('the holiday-extension setting per period (CPL Art 105)', () => {
  const rows: [string, PeriodKind, string][] = [
    ['Art 6 appointBy (3 days)', 'appointBy', '2026-09-28'],
    ['Art 12 contactJudgeBy (3 days)', 'contactJudgeBy', '2026-09-28'],
    ['Art 12 fileReviewAndMeetingBy (7 days)', 'fileReviewAndMeetingBy', '2026-09-24'],
    ['Art 18 objectionBy (15 days)', 'objectionBy', '2026-09-16'],
    ['Art 18 objectionReviewBy (5 days)', 'objectionReviewBy', '2026-09-26'],
    ['LAL Art 48 / SPC Art 50 retainCounselBy (5 days)', 'retainCounselBy', '2026-09-26'],
    ['SPC Art 50 renotifyBy (3 days)', 'renotifyBy', '2026-09-28'],
  ];

  it('covers every forward day period, each with its own variable', () => {
    const forward = Object.values(PERIOD_SPECS)
      .filter((p) => p.direction === 'after' && p.unit === 'days')
      .map((p) => p.kind);
    expect(Object.keys(HOLIDAY_EXTENSION_VARIABLES).sort()).toEqual([...forward].sort());
    expect(rows.map((r) => r[1]).sort()).toEqual([...forward].sort());
  });

  it.each(rows)('%s: default extends, %s=false is strict, =true extends', (_label, kind, start) => {
    const variable = HOLIDAY_EXTENSION_VARIABLES[kind as keyof typeof HOLIDAY_EXTENSION_VARIABLES];
    const due = (env: Record<string, string>) =>
      dueDate(kind, start, calendar, holidayExtensionSettings(loadConfig(env).holidayExtension)[kind]);
    expect(due({})).toBe('2026-10-08');
    expect(due({ [variable]: 'false' })).toBe('2026-10-01');
    expect(due({ [variable]: 'true' })).toBe('2026-10-08');
    // One period's setting leaves the others alone.
    const others = Object.values(HOLIDAY_EXTENSION_VARIABLES).filter((v) => v !== variable);
    expect(due(Object.fromEntries(others.map((v) => [v, 'false'])))).toBe('2026-10-08');
  });

  it('rejects a value that is not true or false, naming the variable', () => {
    expect(() => loadConfig({ PERIOD_EXTEND_APPOINT_BY: 'strict' })).toThrow(/^PERIOD_EXTEND_APPOINT_BY: must be true or false/);
  });
});
