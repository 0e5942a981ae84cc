import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PreparedRead, ReadRow } from '../database/prepared-read';

/** One duty holder as read: the shift and its lawyer's contact (null when the shift or the lawyer is missing). */
export interface DutyRow {
  shiftId: string;
  lawyerId: string;
  name: string;
  phone: string;
  startsAt: string;
  endsAt: string;
  date: string;
  templateName: string;
}

export interface OnDutyRows {
  station: { id: string; name: string; courtName: string; timezone: string; fallbackPhone: string };
  current: DutyRow | null;
  next: DutyRow | null;
  /** Every value read, in a fixed order: equal keys mean an equal answer at the same instant. */
  key: string;
  /**
   * The first instant after `at` at which time alone changes the answer (epoch ms): the
   * running shift's end or the next published shift's start, filled or not; Infinity if neither.
   */
  changesAt: number;
}

/**
 * The published shift running at `at` (the latest starting at or before it, if it has not
 * ended yet) and the first filled one starting after it, each off the
 * (station_id, status, starts_at) index, with their lawyers, and when the next published
 * shift starts: one statement per answer.
 */
const holder = (alias: string, pick: string) => `
  LEFT JOIN shifts ${alias} ON ${alias}.id = (${pick})
  LEFT JOIN lawyers ${alias}l ON ${alias}l.id = ${alias}.lawyer_id`;
const cols = (a: string) =>
  `${a}.id AS ${a}_id, ${a}l.id AS ${a}_lawyer, ${a}l.name AS ${a}_name, ${a}l.phone AS ${a}_phone, ` +
  `${a}.starts_at AS ${a}_starts, ${a}.ends_at AS ${a}_ends, ${a}.date AS ${a}_date, ${a}.template_name AS ${a}_template`;
const ON_DUTY = `
SELECT st.id AS id, st.name AS name, st.court_name AS court_name, st.timezone AS timezone, st.fallback_phone AS fallback_phone,
  ${cols('c')}, c.ends_at > :at AS c_running, ${cols('n')},
  (SELECT MIN(s.starts_at) FROM shifts s WHERE s.station_id = st.id AND s.status = 'published' AND s.starts_at > :at) AS later_starts
FROM stations st
${holder('c', `SELECT s.id FROM shifts s WHERE s.station_id = st.id AND s.status = 'published' AND s.starts_at <= :at ORDER BY s.starts_at DESC LIMIT 1`)}
${holder('n', `SELECT s.id FROM shifts s WHERE s.station_id = st.id AND s.status = 'published' AND s.starts_at > :at AND s.lawyer_id IS NOT NULL ORDER BY s.starts_at ASC LIMIT 1`)}
WHERE st.id = :stationId`;

const text = (v: ReadRow[string]): string => (v === null ? '' : String(v));
/** A stored instant as epoch ms; none is Infinity. */
const instant = (v: ReadRow[string]): number => (v === null ? Infinity : Date.parse(String(v)));

function dutyRow(row: ReadRow, a: 'c' | 'n'): DutyRow | null {
  if (row[`${a}_lawyer`] === null) return null;
  return {
    shiftId: text(row[`${a}_id`]),
    lawyerId: text(row[`${a}_lawyer`]),
    name: text(row[`${a}_name`]),
    phone: text(row[`${a}_phone`]),
    startsAt: text(row[`${a}_starts`]),
    endsAt: text(row[`${a}_ends`]),
    date: text(row[`${a}_date`]),
    templateName: text(row[`${a}_template`]),
  };
}

/** Read side of "who is on duty": stations, published shifts and the holders' names and phones. */
@Injectable()
export class OnDutyQuery {
  private readonly onDuty: PreparedRead;

  constructor(dataSource: DataSource) {
    this.onDuty = new PreparedRead(dataSource, 'on-duty', ON_DUTY);
  }

  /** Null for an unknown station. `at` is an ISO instant as stored (`toISOString()`). */
  async at(stationId: string, at: string): Promise<OnDutyRows | null> {
    const row = (await this.onDuty.rows({ stationId, at }))[0];
    if (!row) return null;
    // SQLite answers the comparison as 0/1, PostgreSQL as a boolean.
    const running = row.c_running === true || row.c_running === 1;
    const current = running ? dutyRow(row, 'c') : null;
    const next = dutyRow(row, 'n');
    const station = {
      id: text(row.id),
      name: text(row.name),
      courtName: text(row.court_name),
      timezone: text(row.timezone),
      fallbackPhone: text(row.fallback_phone),
    };
    const key = [...Object.values(station), ...Object.values(current ?? {}), '|', ...Object.values(next ?? {})].join('\u0000');
    const changesAt = Math.min(running ? instant(row.c_ends) : Infinity, instant(row.later_starts));
    return { station, current, next, key, changesAt };
  }
}
