import { LocalDate } from '../../common/local-date';

/**
 * The court's defence notice (通知辩护函) as the court posts it to POST /api/v1/court-notices
 * (API.md, "Court notices and cases"). Field names and value sets are the HTTP contract: do not
 * rename. Everything a court may leave out (Art 7 lets the centre ask for it later) is optional
 * here; `missingFields` in notice-completeness.ts says what Art 4 still wants.
 */

/** 普通程序 / 简易程序 / 速裁程序 / 审判监督程序 (Art 2). */
export const PROCEDURES = ['ordinary', 'simplified', 'fast_track', 'trial_supervision'] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** The heaviest sentence the defendant may face: 无期徒刑 / 死刑 make defence mandatory (CPL Art 35). */
export const POSSIBLE_SENTENCES = ['ordinary', 'life', 'death'] as const;
export type PossibleSentence = (typeof POSSIBLE_SENTENCES)[number];

/**
 * CPL Art 35 para 2's 盲 / 聋 / 哑 / 精神病人 (API v1) and LAL 2021 Art 25's 视力 / 听力 /
 * 言语残疾 and 智力残疾 (v1.1); mandatory-grounds.ts maps each to its ground.
 */
export const DISABILITIES = ['blind', 'deaf', 'mute', 'mental', 'visual', 'hearing', 'speech', 'intellectual'] as const;
export type Disability = (typeof DISABILITIES)[number];

export interface NoticeDefendant {
  name: string;
  idNumber?: string;
  /** Local date; decides minority (CPL Art 278) and juvenile cases (Art 8). */
  birthDate: LocalDate;
  gender?: string;
  detained: boolean;
  /** 羁押场所: required by Art 4 when detained. */
  detentionPlace?: string;
  /** 住所 and 联系方式: required by Art 4 when not detained. */
  address?: string;
  phone?: string;
  disabilities?: Disability[];
  /** Already has a retained defender (Art 2: only defendants without one get a lawyer). */
  hasRetainedCounsel?: boolean;
  /** Explicitly refused appointed defence / legal help (Art 3). */
  refusedAid?: boolean;
}

/** 审判人员姓名和联系方式 (Art 4). Courts sometimes send it half-filled, hence all optional. */
export interface NoticeJudge {
  name?: string;
  phone?: string;
}

export interface CourtNotice {
  courtCaseNo: string;
  courtName: string;
  stationId: string;
  procedure: Procedure;
  /** 指控的罪名 (Art 4). */
  charges: string[];
  possibleSentence?: PossibleSentence;
  /** Local date of the alleged offence: decides a juvenile case (Art 8). */
  offenceDate: LocalDate;
  defendant: NoticeDefendant;
  judge?: NoticeJudge;
  /** ISO 8601 instant with offset of the fixed trial (已确定开庭审理的时间, Art 4). */
  trialAt?: string;
  trialPlace?: string;
  /** 起诉书、抗诉书 copy sent with the notice (Art 4). */
  indictmentAttached?: boolean;
  /** ISO 8601 instant the centre received the notice; defaults to "now" in the service. */
  receivedAt?: string;
  /** Cases tried apart whose defendants the same lawyer may not also defend (SPC CPL interp. Art 43). */
  relatedCaseNos?: string[];
  /**
   * Extension beyond API.md v1 (allowed: "extend freely"): the Legal Aid Law 2021 Art 25 grounds
   * a first-instance notice cannot otherwise express. 缺席审判 (CPL Art 293) …
   */
  trialInAbsentia?: boolean;
  /** … and 死刑复核 (LAL Art 25 para 1 item 5; CPL Art 251). */
  deathPenaltyReview?: boolean;
  /** A ground another law or regulation provides (LAL Art 25 para 1 item 7), as the court words it. */
  otherMandatoryGround?: string;
}

/** A warning for the court or the dispatcher: a stable code plus a human (Chinese) message. */
export interface NoticeWarning {
  code: string;
  message: string;
}
