import { eachDate, instantAt, LocalDate, localDateOf } from '../../common/local-date';

/**
 * The due dates a deadline-reminder run covers: those whose local midnight lies in
 * [from, to). The job's window runs from now to the end of tomorrow, so an evening or a
 * morning run both yield tomorrow — the day before the deadline — and only a run at
 * midnight itself yields today as well.
 */
export function dueDatesIn(window: { from: Date; to: Date }, timezone: string): LocalDate[] {
  return eachDate(localDateOf(window.from, timezone), localDateOf(window.to, timezone)).filter((date) => {
    const midnight = instantAt(date, '00:00', timezone);
    return midnight >= window.from && midnight < window.to;
  });
}
