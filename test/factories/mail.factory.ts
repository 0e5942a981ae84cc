import { randomUUID } from 'node:crypto';
import type {
  AssignedMail,
  CaseRef,
  Recipient,
  RosterPublishedMail,
  ShiftReminderMail,
  StationRef,
} from '../../src/notifications/templates/mail-types';

/** A lawyer recipient with a unique address, so tests sharing one SMTP sink can tell their mails apart. */
export function recipient(overrides: Partial<Recipient> = {}): Recipient {
  const id = randomUUID();
  return { id, name: '王律师', email: `lawyer-${id.slice(0, 8)}@example.com`, ...overrides };
}

export function stationRef(overrides: Partial<StationRef> = {}): StationRef {
  return { id: randomUUID(), name: '刑事值班室', courtName: '溧阳市人民法院', ...overrides };
}

export function caseRef(overrides: Partial<CaseRef> = {}): CaseRef {
  return {
    id: randomUUID(),
    courtCaseNo: '(2026)苏0481刑初123号',
    courtName: '溧阳市人民法院',
    charges: ['盗窃罪'],
    defendant: { name: '张小明', juvenile: true },
    ...overrides,
  };
}

export function rosterMail(overrides: Partial<RosterPublishedMail> = {}): RosterPublishedMail {
  return {
    rosterId: randomUUID(),
    lawyer: recipient(),
    station: stationRef(),
    timezone: 'Asia/Shanghai',
    shifts: [
      { id: randomUUID(), date: '2026-10-13', start: '09:00', end: '12:00' },
      { id: randomUUID(), date: '2026-10-15', start: '14:00', end: '17:00' },
    ],
    ...overrides,
  };
}

export function assignedMail(overrides: Partial<AssignedMail> = {}): AssignedMail {
  return {
    assignmentId: randomUUID(),
    lawyer: recipient(),
    case: caseRef(),
    judge: { name: '赵法官', phone: '0519-87654321' },
    deadlines: { contactJudgeBy: '2026-10-15', fileReviewAndMeetingBy: '2026-10-19' },
    ...overrides,
  };
}

export function shiftReminder(overrides: Partial<ShiftReminderMail> = {}): ShiftReminderMail {
  return {
    lawyer: recipient(),
    station: stationRef(),
    shift: { id: randomUUID(), date: '2026-10-13', start: '09:00', end: '12:00' },
    timezone: 'Asia/Shanghai',
    ...overrides,
  };
}
