import { addDays, type LocalDate } from '../../common/local-date';
import { defendantInitial } from './privacy';
import { HEARING_KIND_LABELS } from '../../shared/labels';

/**
 * What a calendar feed shows, before it is written as iCalendar. Everything here is derived
 * from the rows alone (no "now"), so the same rows always give the same bytes: that is what
 * lets the ETag be computed from cheap aggregates instead of from the body.
 */
export interface FeedEvent {
  /** Stable per shift / hearing / deadline, so clients update the event instead of adding one. */
  uid: string;
  /** RFC 5545 SEQUENCE: the row's revision counter. */
  sequence: number;
  /** DTSTAMP and LAST-MODIFIED (UTC ISO): the latest change of anything the event shows. */
  stamp: string;
  summary: string;
  location: string | null;
  description: string;
  cancelled: boolean;
  /** Deadlines are reminders, not appointments: they do not block the lawyer's time. */
  busy: boolean;
  when: { allDay: false; start: string; end: string; timezone: string } | { allDay: true; date: LocalDate; timezone: string };
}

export interface StationRow {
  id: string;
  name: string;
  courtName: string;
  timezone: string;
  fallbackPhone: string;
  updatedAt: string;
}

export interface ShiftRow {
  id: string;
  stationId: string;
  startsAt: string;
  endsAt: string;
  lawyerId: string | null;
  sequence: number;
  updatedAt: string;
}

export interface CaseRow {
  id: string;
  courtCaseNo: string;
  courtName: string;
  defendantName: string;
  juvenile: boolean;
  updatedAt: string;
}

export interface HearingRow {
  id: string;
  caseId: string;
  kind: 'pretrial_meeting' | 'trial' | 'verdict' | 'postponed' | 'suspended';
  at: string | null;
  place: string | null;
  sequence: number;
  cancelled: boolean;
  updatedAt: string;
}

export interface AssignmentRow {
  id: string;
  caseId: string;
  appointedAt: string;
  contactJudgeBy: LocalDate;
  fileReviewBy: LocalDate;
}

/** An Art 13 file-reading request the court has not arranged yet. */
export interface FileReadingRow {
  id: string;
  caseId: string;
  arrangeBy: LocalDate;
  createdAt: string;
}

export interface LawyerContact {
  id: string;
  name: string;
  phone: string;
  updatedAt: string;
}

/** The dates a feed covers: 90 days back to a year ahead of today (court time zone). */
export interface FeedWindow {
  from: LocalDate;
  to: LocalDate;
  /** UTC instants of `from` 00:00 and of the day after `to` 00:00, for instant columns. */
  fromInstant: string;
  toInstant: string;
}

export const WINDOW_DAYS_BACK = 90;
export const WINDOW_DAYS_AHEAD = 365;

export function feedWindowDates(today: LocalDate): { from: LocalDate; to: LocalDate } {
  return { from: addDays(today, -WINDOW_DAYS_BACK), to: addDays(today, WINDOW_DAYS_AHEAD) };
}

/** The court gives a start time only; two hours keeps the half-day session visibly blocked. */
export const HEARING_MINUTES = 120;

const UID_DOMAIN = 'duty-lawyer';
const uid = (kind: string, id: string): string => `${kind}-${id}@${UID_DOMAIN}`;
const latest = (...instants: string[]): string => instants.reduce((a, b) => (b > a ? b : a));
const plusMinutes = (instant: string, minutes: number): string => new Date(Date.parse(instant) + minutes * 60_000).toISOString();

/** Art 23: a case is named by its number, an adult defendant at most by an initial (张某). */
function caseTitle(c: CaseRow): string {
  const initial = defendantInitial(c);
  return initial ? `${c.courtCaseNo} ${initial}` : c.courtCaseNo;
}

/** The description points to the system, never carries the case file. */
export const seeSystem = (detailsUrl: string): string => `详情请登录法律援助值班系统查看：${detailsUrl}`;

export interface LawyerFeedInput {
  shifts: ShiftRow[];
  stations: Map<string, StationRow>;
  assignments: AssignmentRow[];
  cases: Map<string, CaseRow>;
  hearings: HearingRow[];
  /** Open file-reading requests (Art 13); absent = none. */
  fileReadings?: FileReadingRow[];
  window: FeedWindow;
  courtTimezone: string;
  detailsUrl: string;
}

/** A lawyer's feed: published shifts, hearings of open cases, Art 12 and Art 13 deadlines, in time order. */
export function lawyerFeedEvents(input: LawyerFeedInput): FeedEvent[] {
  const { window, detailsUrl, courtTimezone } = input;
  const events: FeedEvent[] = [];
  for (const s of input.shifts) {
    const station = input.stations.get(s.stationId);
    if (!station) continue;
    events.push({
      uid: uid('shift', s.id),
      sequence: s.sequence,
      stamp: latest(s.updatedAt, station.updatedAt),
      summary: `值班：${station.name}`,
      location: `${station.courtName} ${station.name}`,
      description: `法律援助值班（签到、调班、值班记录）。${seeSystem(detailsUrl)}`,
      cancelled: false,
      busy: true,
      when: { allDay: false, start: s.startsAt, end: s.endsAt, timezone: station.timezone },
    });
  }
  const activeCases = new Set(input.assignments.map((a) => a.caseId));
  for (const h of input.hearings) {
    const c = input.cases.get(h.caseId);
    if (!c || !activeCases.has(h.caseId) || !h.at || h.at < window.fromInstant || h.at >= window.toInstant) continue;
    events.push({
      uid: uid('hearing', h.id),
      sequence: h.sequence,
      stamp: latest(h.updatedAt, c.updatedAt),
      summary: `${HEARING_KIND_LABELS[h.kind]}：${caseTitle(c)}`,
      location: h.place ?? c.courtName,
      description: `${c.courtName}${HEARING_KIND_LABELS[h.kind]}。${seeSystem(detailsUrl)}`,
      cancelled: h.cancelled,
      busy: true,
      when: { allDay: false, start: h.at, end: plusMinutes(h.at, HEARING_MINUTES), timezone: courtTimezone },
    });
  }
  for (const a of input.assignments) {
    const c = input.cases.get(a.caseId);
    if (!c) continue;
    const deadlines = [
      { kind: 'contact-judge', date: a.contactJudgeBy, what: '联系承办法官', rule: '指派后3日内联系承办法官（实施意见第12条）' },
      { kind: 'file-review', date: a.fileReviewBy, what: '阅卷会见', rule: '指派后7日内完成阅卷、会见（实施意见第12条）' },
    ];
    for (const d of deadlines) {
      if (d.date < window.from || d.date > window.to) continue;
      events.push({
        uid: uid(`deadline-${d.kind}`, a.id),
        sequence: 0,
        stamp: latest(a.appointedAt, c.updatedAt),
        summary: `期限：${d.what} ${caseTitle(c)}`,
        location: null,
        description: `${d.rule}。${seeSystem(detailsUrl)}`,
        cancelled: false,
        busy: false,
        when: { allDay: true, date: d.date, timezone: courtTimezone },
      });
    }
  }
  for (const r of input.fileReadings ?? []) {
    const c = input.cases.get(r.caseId);
    if (!c || r.arrangeBy < window.from || r.arrangeBy > window.to) continue;
    events.push({
      uid: uid('deadline-file-reading', r.id),
      sequence: 0,
      stamp: latest(r.createdAt, c.updatedAt),
      summary: `期限：法院安排阅卷 ${caseTitle(c)}`,
      location: null,
      description: `阅卷障碍消除后三个工作日内，人民法院应当安排阅卷（实施意见第13条）；逾期请告知法律援助中心。${seeSystem(detailsUrl)}`,
      cancelled: false,
      busy: false,
      when: { allDay: true, date: r.arrangeBy, timezone: courtTimezone },
    });
  }
  return inTimeOrder(events);
}

export interface StationFeedInput {
  station: StationRow;
  shifts: ShiftRow[];
  lawyers: Map<string, LawyerContact>;
  detailsUrl: string;
}

/** The station's published roster for court staff: who is on duty and how to reach them. */
export function stationFeedEvents(input: StationFeedInput): FeedEvent[] {
  const { station, detailsUrl } = input;
  const events = input.shifts.map((s): FeedEvent => {
    const lawyer = s.lawyerId ? input.lawyers.get(s.lawyerId) : undefined;
    return {
      uid: uid('station-shift', s.id),
      sequence: s.sequence,
      stamp: latest(s.updatedAt, station.updatedAt, lawyer?.updatedAt ?? s.updatedAt),
      summary: lawyer ? `值班：${lawyer.name} ${lawyer.phone}` : '值班：未安排',
      location: `${station.courtName} ${station.name}`,
      description: lawyer
        ? `值班律师：${lawyer.name}，电话：${lawyer.phone}。${seeSystem(detailsUrl)}`
        : `本班次未安排值班律师，请联系法律援助中心：${station.fallbackPhone}。${seeSystem(detailsUrl)}`,
      cancelled: false,
      busy: true,
      when: { allDay: false, start: s.startsAt, end: s.endsAt, timezone: station.timezone },
    };
  });
  return inTimeOrder(events);
}

const startKey = (e: FeedEvent): string => (e.when.allDay ? `${e.when.date}T00:00` : e.when.start);

function inTimeOrder(events: FeedEvent[]): FeedEvent[] {
  return events.sort((a, b) => (startKey(a) < startKey(b) ? -1 : startKey(a) > startKey(b) ? 1 : a.uid < b.uid ? -1 : 1));
}
