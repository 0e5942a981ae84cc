/**
 * Dates and times on the case screens. The API answers instants already in the court's zone
 * (`2026-10-30T09:00:00+08:00`), so showing one is cutting the string, never the browser's
 * zone; a time typed in is turned into an instant in the station's zone.
 */
export function dateOf(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

export function dateTimeOf(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '—';
}

/** The zone's offset from UTC in minutes at an instant, read from Intl. */
function offsetMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return (Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - at) / 60000;
}

/** `2026-10-30` + `09:00` in `Asia/Shanghai` → `2026-10-30T09:00:00+08:00`. */
export function zonedInstant(date: string, time: string, timeZone: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const offset = offsetMinutes(wall - offsetMinutes(wall, timeZone) * 60000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** 剩余 / 今天到期 / 已超期, for the Art 6 countdown. */
export function countdown(daysLeft: number | null): string {
  if (daysLeft === null) return '—';
  if (daysLeft > 0) return `剩余 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `已超期 ${-daysLeft} 天`;
}
