import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { toZonedIso } from '../common/local-date';
import { BoundedCache } from '../common/bounded-cache';
import { DutyRow, OnDutyQuery, OnDutyRows } from './on-duty.query';

export interface DutyHolder {
  lawyerId: string;
  name: string;
  phone: string;
  shiftStart: string;
  shiftEnd: string;
  shiftId: string;
  date: string;
  templateName: string;
}

export interface OnDuty {
  stationId: string;
  stationName: string;
  courtName: string;
  timezone: string;
  at: string;
  onDuty: DutyHolder | null;
  next: DutyHolder | null;
  fallbackPhone: string;
}

/** One answer: its rows' key (equal keys, equal answer but for `at`), the answer, and its JSON as `res.json` writes it. */
export interface OnDutySnapshot {
  key: string;
  /** The instant answered for. */
  at: Date;
  answer: OnDuty;
  json: string;
}

/** Stations whose last answer is kept rendered; the oldest goes first when full. */
export const ON_DUTY_CACHE_STATIONS = 1_000;

interface Rendered {
  key: string;
  onDuty: DutyHolder | null;
  next: DutyHolder | null;
  /** The JSON before and after the `at` value. */
  head: string;
  tail: string;
}

/**
 * Who is on duty at a station at an instant, and who is next: one statement (OnDutyQuery)
 * per answer, so a change made on any instance shows in the very next answer. What is kept
 * per station is only the rendering of the last rows read (time-zone conversions and JSON),
 * reused while the rows read are the same. Lunch gaps, weekends, holidays and make-up days
 * need no special case because only the shifts that exist (generated on working days) are read.
 */
@Injectable()
export class OnDutyService {
  private readonly rendered = new BoundedCache<string, Rendered>(ON_DUTY_CACHE_STATIONS);

  constructor(
    private readonly query: OnDutyQuery,
    private readonly clock: Clock,
  ) {}

  async at(stationId: string, at?: string): Promise<OnDuty> {
    return (await this.snapshot(stationId, at)).answer;
  }

  async snapshot(stationId: string, at?: string): Promise<OnDutySnapshot> {
    const when = at ? new Date(at) : this.clock.now();
    const rows = await this.query.at(stationId, when.toISOString());
    if (!rows) throw notFound('Station', stationId);
    const { station } = rows;
    let r = this.rendered.get(stationId);
    if (r?.key !== rows.key) this.rendered.set(stationId, (r = render(rows)));
    const zonedAt = toZonedIso(when, station.timezone);
    const answer: OnDuty = {
      stationId,
      stationName: station.name,
      courtName: station.courtName,
      timezone: station.timezone,
      at: zonedAt,
      onDuty: r.onDuty,
      next: r.next,
      fallbackPhone: station.fallbackPhone,
    };
    return { key: rows.key, at: when, answer, json: `${r.head}${JSON.stringify(zonedAt)}${r.tail}` };
  }
}

function render(rows: OnDutyRows): Rendered {
  const { station } = rows;
  const holder = (s: DutyRow | null): DutyHolder | null =>
    s && {
      lawyerId: s.lawyerId,
      name: s.name,
      phone: s.phone,
      shiftStart: toZonedIso(new Date(s.startsAt), station.timezone),
      shiftEnd: toZonedIso(new Date(s.endsAt), station.timezone),
      shiftId: s.shiftId,
      date: s.date,
      templateName: s.templateName,
    };
  const onDuty = holder(rows.current);
  const next = holder(rows.next);
  const head = JSON.stringify({
    stationId: station.id,
    stationName: station.name,
    courtName: station.courtName,
    timezone: station.timezone,
  });
  const tail = JSON.stringify({ onDuty, next, fallbackPhone: station.fallbackPhone });
  return { key: rows.key, onDuty, next, head: `${head.slice(0, -1)},"at":`, tail: `,${tail.slice(1)}` };
}
