import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, LocalDateColumn, RefColumn } from '../database/columns';
import type { CaseState } from './domain/case-state';
import type { MandatoryGroundCode } from './domain/mandatory-grounds';
import type { NoticeDefendant, NoticeJudge, NoticeWarning, PossibleSentence, Procedure } from './domain/notice.types';
import type { Route, RouteReason } from './domain/routing';

/** Deadlines of a case as local dates; the ones after appointment are set by the pick. */
export interface CaseDeadlines {
  appointBy: string;
  materialsDueBy?: string;
  contactJudgeBy?: string;
  fileReviewAndMeetingBy?: string;
  /** After a mandatory defence ended at the defendant's request or by a permitted refusal (SPC Art 50). */
  retainCounselBy?: string;
  renotifyBy?: string;
}

/**
 * One defendant of one court case, from the court's defence notice (通知辩护函). Co-defendants
 * are separate rows sharing `courtCaseNo`.
 */
@Entity('cases')
export class Case {
  @IdColumn() id: string;
  @Column({ type: 'varchar', length: 100 }) courtCaseNo: string;
  @Column({ type: 'varchar', length: 200 }) courtName: string;
  @RefColumn() stationId: string;
  @Column({ type: 'varchar', length: 20 }) procedure: Procedure;
  @JsonColumn() charges: string[];
  @Column({ type: 'varchar', length: 10, nullable: true }) possibleSentence: PossibleSentence | null;
  @LocalDateColumn() offenceDate: string;
  @JsonColumn() defendant: NoticeDefendant;
  @Column({ type: 'varchar', length: 100 }) defendantName: string;
  @Column({ type: 'boolean', default: false }) juvenile: boolean;
  @Column({ type: 'boolean', default: false }) trialInAbsentia: boolean;
  @Column({ type: 'boolean', default: false }) deathPenaltyReview: boolean;
  /** LAL Art 25(7): a mandatory ground another law provides, in the court's words. */
  @Column({ type: 'varchar', length: 500, nullable: true }) otherMandatoryGround?: string | null;
  @Column({ type: 'varchar', length: 20 }) route: Route;
  @Column({ type: 'varchar', length: 20 }) routeReason: RouteReason;
  /** Lawyer requirements fixed at intake (Art 8; Legal Aid Law Art 26). */
  @Column({ type: 'boolean', default: false }) requiresJuvenileExperience: boolean;
  @Column({ type: 'boolean', default: false }) requiresSeniorLawyer: boolean;
  @Column({ type: 'varchar', length: 20 }) status: CaseState;
  @JsonColumn() mandatoryGrounds: MandatoryGroundCode[];
  @JsonColumn() missingFields: string[];
  @JsonColumn() warnings: NoticeWarning[];
  @JsonColumn() judge: NoticeJudge;
  @InstantColumn({ nullable: true }) trialAt: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) trialPlace: string | null;
  @Column({ type: 'boolean', default: false }) indictmentAttached: boolean;
  @InstantColumn() receivedAt: string;
  @JsonColumn() relatedCaseNos: string[];
  @JsonColumn() deadlines: CaseDeadlines;
  /** Copy of deadlines.appointBy as a column: the "overdue" filter is an indexed comparison. */
  @LocalDateColumn() appointBy: string;
  @RefColumn({ nullable: true }) currentLawyerId: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) terminationGround: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) terminationNote: string | null;
  @InstantColumn({ nullable: true }) endedAt: string | null;
  @InstantColumn() createdAt: string;
  @InstantColumn() updatedAt: string;
}

/**
 * A related case number a notice lists (tried apart, SPC CPL interpretation 2021 Art 43), one
 * row each so "which cases name this number" is an indexed lookup in both directions.
 */
@Entity('case_links')
export class CaseLink {
  @Column({ type: 'varchar', length: 36, primary: true }) caseId: string;
  @Column({ type: 'varchar', length: 100, primary: true }) courtCaseNo: string;
}
