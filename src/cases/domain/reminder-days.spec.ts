import { dueDatesIn } from './reminder-days';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

describe('dueDatesIn: the Art 12 due dates one reminder run covers', () => {
  it.each([
    [
      'a 09:00 run reminds of tomorrow’s deadlines (Art 12, the day before)',
      '2026-10-14T01:00:00Z',
      '2026-10-15T16:00:00Z',
      ['2026-10-15'],
    ],
    ['an 18:00 run reminds of tomorrow’s deadlines too', '2026-10-14T10:00:00Z', '2026-10-15T16:00:00Z', ['2026-10-15']],
    ['a run at midnight sharp covers today and tomorrow', '2026-10-13T16:00:00Z', '2026-10-15T16:00:00Z', ['2026-10-14', '2026-10-15']],
    ['the window’s end is open: the day after tomorrow is not due', '2026-10-14T15:59:59Z', '2026-10-15T16:00:00Z', ['2026-10-15']],
    ['an empty window has no dates', '2026-10-14T01:00:00Z', '2026-10-14T01:00:00Z', []],
  ])('%s', (_name, from, to, dates) => {
    expect(dueDatesIn({ from: at(from), to: at(to) }, TZ)).toEqual(dates);
  });
});
