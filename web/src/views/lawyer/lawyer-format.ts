/**
 * Dates and times on the lawyer's phone. The API answers instants already in the court's zone
 * (`2026-10-12T09:00:00+08:00`) and dates as YYYY-MM-DD there; "today" is the server's
 * (GET /api/v1/console/config), so nothing here reads the phone's clock or zone. Pure: vitest.
 */
import { countdown } from '../dispatcher/case-format';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** `2026-10-12` + n days (calendar arithmetic on the date itself, no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

/** 今天 / 明天 / 2026-10-14 周三: how a shift's day reads on the phone. */
export function dayLabel(date: string, today: string): string {
  const diff = daysFrom(today, date);
  if (diff === 0) return `今天 ${weekdayOf(date)}`;
  if (diff === 1) return `明天 ${weekdayOf(date)}`;
  if (diff === -1) return `昨天 ${weekdayOf(date)}`;
  return `${date} ${weekdayOf(date)}`;
}

/** `HH:mm` of a zoned instant as the server wrote it. */
export function timeOf(iso: string | null | undefined): string {
  return iso ? iso.slice(11, 16) : '—';
}

/** `+08:00` of a zoned instant (or `Z`). */
export function offsetOf(iso: string): string {
  const m = /([+-]\d{2}:\d{2}|Z)$/.exec(iso);
  return m ? m[1] : 'Z';
}

/** A wall time on the day of a zoned instant, in that instant's offset: a help record during a shift. */
export function sameDayAt(zonedIso: string, hhmm: string): string {
  return `${zonedIso.slice(0, 10)}T${hhmm}:00${offsetOf(zonedIso)}`;
}

/** The Art 12 countdown in the case screens' words, and how urgent it is (the tag's colour). */
export function countdownOf(daysLeft: number | null | undefined): { text: string; tone: 'success' | 'warning' | 'danger' | 'info' } {
  const days = daysLeft ?? null;
  const tone = days === null ? 'info' : days <= 0 ? 'danger' : days <= 2 ? 'warning' : 'success';
  return { text: countdown(days), tone };
}

/** A time N minutes before `hhmm`, not before `floor` (both HH:mm). */
export function minutesBefore(hhmm: string, minutes: number, floor: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const total = Math.max(h * 60 + m - minutes, 0);
  const t = `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  return t < floor ? floor : t;
}
