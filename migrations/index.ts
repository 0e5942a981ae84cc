import { Foundation1764374400000 } from './1764374400000-foundation';
import { Notifications1764374500000 } from './1764374500000-notifications';
import { Stations1764374600000 } from './1764374600000-stations';
import { Cases1764374700000 } from './1764374700000-cases';
import { Ledger1764374800000 } from './1764374800000-ledger';
import { Calendar1764374900000 } from './1764374900000-calendar';
import { CaseDeadlineReminders1764375100000 } from './1764375100000-case-deadline-reminders';
import { SignIn1764380000000 } from './1764380000000-sign-in';
import { WorkdayArrangements1764381000000 } from './1764381000000-workday-arrangements';
import { OtherMandatoryGround1764381100000 } from './1764381100000-other-mandatory-ground';
import { FileReadingRequests1764381200000 } from './1764381200000-file-reading-requests';
import { AssignmentOffers1764381300000 } from './1764381300000-assignment-offers';
import { AppointmentLetters1764383000000 } from './1764383000000-appointment-letters';
import { LawyerWeekdays1764383100000 } from './1764383100000-lawyer-weekdays';
import { PickCounters1764384000000 } from './1764384000000-pick-counters';
import { ClerkCourt1764391000000 } from './1764391000000-clerk-court';
import { AuditActorIndex1764392000000 } from './1764392000000-audit-actor-index';
import { PickPoolClasses1764399000000 } from './1764399000000-pick-pool-classes';
import { FeedVersions1764404000000 } from './1764404000000-feed-versions';
import { UsersLawyerIndex1764412000000 } from './1764412000000-users-lawyer-index';

/** Every migration, in order, one per line. A new one is added here (scripts/create-migration.js does it). */
export const migrations = [
  Foundation1764374400000,
  Notifications1764374500000,
  Stations1764374600000,
  Cases1764374700000,
  Ledger1764374800000,
  Calendar1764374900000,
  CaseDeadlineReminders1764375100000,
  SignIn1764380000000,
  WorkdayArrangements1764381000000,
  OtherMandatoryGround1764381100000,
  FileReadingRequests1764381200000,
  AssignmentOffers1764381300000,
  AppointmentLetters1764383000000,
  LawyerWeekdays1764383100000,
  PickCounters1764384000000,
  ClerkCourt1764391000000,
  AuditActorIndex1764392000000,
  PickPoolClasses1764399000000,
  FeedVersions1764404000000,
  UsersLawyerIndex1764412000000,
];
