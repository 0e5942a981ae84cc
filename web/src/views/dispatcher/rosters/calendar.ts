/**
 * Calendar arithmetic for the roster and working-day screens, on plain local dates
 * (`YYYY-MM-DD`, the court's dates as the API gives them): no Date in the browser's zone,
 * so a dispatcher's laptop set to another zone shows the court's days.
 */

export interface MonthGrid {
  /** `YYYY-MM` */
  month: string;
  title: string;
  /** Weeks Monday→Sunday; null outside the month. */
  weeks: (string | null)[][];
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

export const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];

/** The months touching `from`..`to`, each as weeks Monday→Sunday. */
export function monthGrids(from: string, to: string): MonthGrid[] {
  const out: MonthGrid[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    const n = daysInMonth(y, m);
    const cells: (string | null)[] = Array.from({ length: weekdayOf(`${y}-${pad(m)}-01`) - 1 }, () => null);
    for (let d = 1; d <= n; d++) cells.push(`${y}-${pad(m)}-${pad(d)}`);
    while (cells.length % 7) cells.push(null);
    const weeks: (string | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    out.push({ month: `${y}-${pad(m)}`, title: `${y}年${m}月`, weeks });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** First and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  return { from: `${month}-01`, to: `${month}-${pad(daysInMonth(y, m))}` };
}

/**
 * The wall-clock `HH:mm` of an ISO instant written with the court's offset
 * (`2026-10-12T09:03:00+08:00` → `09:03`): the API already speaks in the court's zone.
 */
export function clockTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const m = /T(\d{2}:\d{2})/.exec(instant);
  return m ? m[1] : '—';
}

/** `YYYY-MM-DD HH:mm` of an ISO instant with the court's offset. */
export function dateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  return `${instant.slice(0, 10)} ${clockTime(instant)}`;
}

/** A date with its weekday: `2026-10-12（周一）`. */
export function dateWithWeekday(date: string): string {
  return `${date}（周${WEEKDAY_NAMES[weekdayOf(date) - 1]}）`;
}

/** Today's local date in a time zone (the court's), from an instant. */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The UTC offset (`+08:00`) of a time zone at noon of a local date, for instants the API accepts. */
export function zoneOffset(date: string, timeZone: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}:\d{2})/.exec(name);
  return m ? m[1] : '+00:00';
}

/** Saves a downloaded file under the name the server gave it. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
