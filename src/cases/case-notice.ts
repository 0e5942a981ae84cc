import type { Lawyer } from '../lawyers/lawyer.entity';
import type { Case } from './case.entity';
import type { CaseRef, LawyerRef } from './case-events';
import type { CourtNotice } from './domain/notice.types';

/** The notice as the domain rules read it, rebuilt from the stored case. */
export function noticeOf(c: Case): CourtNotice {
  return {
    courtCaseNo: c.courtCaseNo,
    courtName: c.courtName,
    stationId: c.stationId,
    procedure: c.procedure,
    charges: c.charges,
    possibleSentence: c.possibleSentence ?? undefined,
    offenceDate: c.offenceDate,
    defendant: c.defendant,
    judge: c.judge,
    trialAt: c.trialAt ?? undefined,
    trialPlace: c.trialPlace ?? undefined,
    indictmentAttached: c.indictmentAttached,
    receivedAt: c.receivedAt,
    relatedCaseNos: c.relatedCaseNos,
    trialInAbsentia: c.trialInAbsentia,
    deathPenaltyReview: c.deathPenaltyReview,
    otherMandatoryGround: c.otherMandatoryGround ?? undefined,
  };
}

export function caseRef(c: Case): CaseRef {
  return {
    caseId: c.id,
    courtCaseNo: c.courtCaseNo,
    courtName: c.courtName,
    charges: c.charges,
    defendant: {
      name: c.defendantName,
      juvenile: c.juvenile,
      detained: c.defendant.detained,
      detentionPlace: c.defendant.detentionPlace ?? null,
    },
    judge: { name: c.judge.name ?? null, phone: c.judge.phone ?? null },
    trialAt: c.trialAt,
    trialPlace: c.trialPlace,
    deadlines: c.deadlines,
  };
}

export function lawyerRef(l: Lawyer): LawyerRef {
  return { id: l.id, name: l.name, email: l.email, phone: l.phone, firm: l.firm };
}
