import { WorkdayCalendar } from '../../workdays/domain/workday-calendar';
import { fileReadingArrangeBy, fileReadingOverdue } from './file-reading';

const calendar = new WorkdayCalendar();

describe('fileReadingArrangeBy (Art 13: 3 working days; CPL Art 105)', () => {
  it.each<[string, string, string | null, string]>([
    ['Art 13: requested Mon 10-12, no obstacle → Thu 10-15', '2026-10-12', null, '2026-10-15'],
    ['Art 13: requested Thu 10-15 → Tue 10-20 (weekend not counted)', '2026-10-15', null, '2026-10-20'],
    ['Art 13: requested 09-29 → over National Day: 09-30, 10-08, 10-09', '2026-09-29', null, '2026-10-09'],
    ['Art 13: make-up Saturday 10-10 counts: requested Fri 10-09 → 10-10, 10-12, 10-13', '2026-10-09', null, '2026-10-13'],
    ['Art 13: obstacle cleared Mon 10-19 after a request on 10-12 → Thu 10-22', '2026-10-12', '2026-10-19', '2026-10-22'],
    ['Art 13: obstacle cleared before the request → from the request', '2026-10-12', '2026-10-01', '2026-10-15'],
  ])('%s', (_label, requested, cleared, expected) => {
    expect(fileReadingArrangeBy(requested, cleared, calendar)).toBe(expected);
  });
});

describe('fileReadingOverdue (Art 13, Art 21)', () => {
  it.each<[string, string, string | null, string, boolean]>([
    ['Art 13: not arranged, due today → in time', '2026-10-15', null, '2026-10-15', false],
    ['Art 13: not arranged, due yesterday → overdue', '2026-10-15', null, '2026-10-16', true],
    ['Art 13: arranged on the due day → in time, whatever today', '2026-10-15', '2026-10-15', '2026-11-01', false],
    ['Art 13: arranged a day late → overdue', '2026-10-15', '2026-10-16', '2026-10-16', true],
  ])('%s', (_label, due, arranged, today, expected) => {
    expect(fileReadingOverdue(due, arranged, today)).toBe(expected);
  });
});
