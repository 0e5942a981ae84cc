import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** POST /api/v1/assignments/:id/decline. */
export class DeclineDto {
  /** Why the lawyer cannot take the case (kept in the audit trail). */
  @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

/** An offer or appointment as the answer shows it; `status`: offered, accepted, declined, expired. */
export class OfferAssignmentView {
  id: string;
  caseId: string;
  lawyerId: string;
  status: string;
  /** When the lawyer had to answer (ISO instant). */
  respondBy?: string | null;
  appointedAt: string;
  contactJudgeBy: string;
  fileReviewBy: string;
  endReason?: string | null;
}

export class OfferCaseView {
  id: string;
  status: string;
  deadlines: Record<string, string>;
}

/** The accepted appointment and the case, now assigned. */
export class OfferAcceptedView {
  assignment: OfferAssignmentView;
  case: OfferCaseView;
}

/** The next offer made after a decline. */
export class NextOfferView {
  assignment: OfferAssignmentView;
  /** The pick's explanation, as `POST /cases/:id/assign` answers it. */
  explanation: object;
}

/** `next` is null when nobody was left (the case is `ready` again for the dispatcher). */
export class OfferDeclinedView {
  assignment: OfferAssignmentView;
  next: NextOfferView | null;
}
