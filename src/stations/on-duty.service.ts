import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { toZonedIso } from '../common/local-date';
import { BoundedCache } from '../common/bounded-cache';
import { HotReadChanges } from '../feed-versions/hot-read-changes';
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
  station: OnDutyRows['station'];
  onDuty: DutyHolder | null;
  next: DutyHolder | null;
  /** The JSON before and after the `at` value. */
  head: string;
  tail: string;
}

/** A rendering with what it is valid for: read at or after `from`, before `until` (epoch ms), while `stamp` is fresh. */
interface Kept extends Rendered {
  stamp: number | null;
  from: number;
  until: number;
}

/**
 * Who is on duty at a station at an instant, and who is next: one statement (OnDutyQuery)
 * per answer read. On PostgreSQL the answer for now is kept per station and served from
 * memory until time alone changes it (the running shift ends, the next one starts: the query
 * says when) or a change to shifts, stations or lawyers commits on any instance
 * (HotReadChanges); on SQLite, and on PostgreSQL while the change listener is down, every
 * request reads. What is kept is the rendering (time-zone conversions and JSON), reused while
 * the rows read are the same. Lunch gaps, weekends, holidays and make-up days need no special
 * case because only the shifts that exist (generated on working days) are read.
 */
@Injectable()
export class OnDutyService {
  private readonly rendered = new BoundedCache<string, Kept>(ON_DUTY_CACHE_STATIONS);

  constructor(
    private readonly query: OnDutyQuery,
    private readonly clock: Clock,
    private readonly changes: HotReadChanges,
  ) {}

  async at(stationId: string, at?: string): Promise<OnDuty> {
    return (await this.snapshot(stationId, at)).answer;
  }

  async snapshot(stationId: string, at?: string): Promise<OnDutySnapshot> {
    const when = at ? new Date(at) : this.clock.now();
    const t = when.getTime();
    let r = this.rendered.get(stationId);
    if (at || !r || !this.changes.fresh(r.stamp) || t < r.from || t >= r.until)
      r = await this.read(stationId, when, at ? null : this.changes.stamp());
    const { station } = r;
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
    return { key: r.key, at: when, answer, json: `${r.head}${JSON.stringify(zonedAt)}${r.tail}` };
  }

  /** Reads the rows at `when`; `stamp` was taken before the read (null: not to be served again). */
  private async read(stationId: string, when: Date, stamp: number | null): Promise<Kept> {
    const rows = await this.query.at(stationId, when.toISOString());
    if (!rows) throw notFound('Station', stationId);
    const last = this.rendered.get(stationId);
    const kept: Kept = { ...(last?.key === rows.key ? last : render(rows)), stamp, from: when.getTime(), until: rows.changesAt };
    this.rendered.set(stationId, kept);
    return kept;
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
  return { key: rows.key, station, onDuty, next, head: `${head.slice(0, -1)},"at":`, tail: `,${tail.slice(1)}` };
}
