import { daysBetween, LocalDate, localDateOf } from '../../common/local-date';
import { labelOf, NOTICE_FIELD_LABELS } from '../../shared/labels';
import { MandatoryGroundCode } from './mandatory-grounds';
import { CourtNotice, NoticeWarning } from './notice.types';
import { latestDateBefore, PERIOD_SPECS } from './periods';
import { procedureBars } from './routing';

/**
 * Art 4 lists what a defence notice must carry; Art 7: when it or its papers are incomplete the
 * centre asks the court to supply them, and if they are still missing 10 days before the trial
 * the lawyer may advise postponing it (DESIGN rule 8).
 *
 * "10 days before trial" (开庭十日前), in court-local dates: the trial date T is not counted
 * (CPL Art 105), so the last day for the papers is T − 10 (`materialsDueBy`). Received on
 * T − 10 (any hour) is in time; on T − 9 it is late. Equivalently: late when fewer than 10
 * calendar days lie between the receipt date and the trial date. Holidays do not move this
 * backward date (see periods.ts).
 */

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

interface FieldRule {
  path: string;
  /** True when the field is required for this notice and not supplied. */
  missing(n: CourtNotice): boolean;
}

/** Art 4 fields in the article's order; the path is what the API reports in `missingFields`. */
const FIELD_RULES: readonly FieldRule[] = [
  { path: 'defendant.name', missing: (n) => blank(n.defendant?.name) },
  { path: 'charges', missing: (n) => !Array.isArray(n.charges) || n.charges.every(blank) },
  { path: 'defendant.detentionPlace', missing: (n) => n.defendant?.detained === true && blank(n.defendant.detentionPlace) },
  { path: 'judge.name', missing: (n) => blank(n.judge?.name) },
  { path: 'judge.phone', missing: (n) => blank(n.judge?.phone) },
  { path: 'trialAt', missing: (n) => blank(n.trialAt) },
  { path: 'trialPlace', missing: (n) => blank(n.trialPlace) },
  // 未被羁押的被告人，应当注明被告人的住所和联系方式.
  { path: 'defendant.address', missing: (n) => n.defendant?.detained !== true && blank(n.defendant?.address) },
  { path: 'defendant.phone', missing: (n) => n.defendant?.detained !== true && blank(n.defendant?.phone) },
  // 起诉书、抗诉书等有关材料的副本 must come with the notice.
  { path: 'indictmentAttached', missing: (n) => n.indictmentAttached !== true },
];

/** Dotted paths of the Art 4 items the notice lacks, in Art 4's order; [] when complete. */
export function missingFields(notice: CourtNotice): string[] {
  return FIELD_RULES.filter((r) => r.missing(notice)).map((r) => r.path);
}

export const WARNING_NOTICE_LATE = 'NOTICE_LATE';
export const WARNING_POSTPONEMENT_ADVISED = 'POSTPONEMENT_ADVISED';

/**
 * The 10-day rule (CPL Art 187) does not bind simplified and fast-track trials (CPL Art 219,
 * 224) — but only lawful ones: a defendant whose ground bars the procedure (CPL Art 215, 223)
 * will be tried in ordinary procedure, so the 10 days apply whatever the label says.
 */
export function tenDayRuleApplies(notice: CourtNotice, grounds: readonly MandatoryGroundCode[]): boolean {
  if (notice.procedure !== 'simplified' && notice.procedure !== 'fast_track') return true;
  return procedureBars(grounds, notice.procedure).length > 0;
}

/** The trial's local date, or undefined when the notice has no (valid) trial instant. */
export function trialDateOf(notice: CourtNotice, timezone: string): LocalDate | undefined {
  if (blank(notice.trialAt)) return undefined;
  const at = new Date(notice.trialAt!);
  return Number.isNaN(at.getTime()) ? undefined : localDateOf(at, timezone);
}

/**
 * Warnings about the notice's timing:
 * - NOTICE_LATE (Art 4): received after T − 10 (fewer than 10 days before the trial).
 * - POSTPONEMENT_ADVISED (Art 7): the notice is still incomplete and today is after T − 10,
 *   while the trial has not started yet (afterwards there is nothing to postpone).
 * Neither is raised without a trial date, nor for a lawful simplified / fast-track procedure
 * (`grounds`: the case's mandatory grounds, which may bar the procedure).
 */
export function noticeWarnings(
  notice: CourtNotice,
  grounds: readonly MandatoryGroundCode[],
  receivedAt: Date | string,
  now: Date,
  timezone: string,
): NoticeWarning[] {
  const trialDate = trialDateOf(notice, timezone);
  if (!trialDate || !tenDayRuleApplies(notice, grounds)) return [];
  const warnings: NoticeWarning[] = [];
  const dueBy = latestDateBefore('materialsDueBy', trialDate);
  const received = localDateOf(new Date(receivedAt), timezone);
  const days = PERIOD_SPECS.materialsDueBy.length;

  if (received > dueBy) {
    warnings.push({
      code: WARNING_NOTICE_LATE,
      message: `通知辩护函应于开庭十日前（${dueBy}前）送交法律援助机构，实际收到日距开庭仅${daysBetween(received, trialDate)}日（实施意见第四条；刑事诉讼法第187条）。`,
    });
  }
  const missing = missingFields(notice);
  const today = localDateOf(now, timezone);
  const trialStarted = now.getTime() >= new Date(notice.trialAt!).getTime();
  if (missing.length > 0 && today > dueBy && !trialStarted) {
    warnings.push({
      code: WARNING_POSTPONEMENT_ADVISED,
      message: `距开庭已不足${days}日，通知辩护材料仍不齐全（${missing.map((f) => labelOf(NOTICE_FIELD_LABELS, f)).join('、')}），辩护律师可以建议人民法院变更开庭日期（实施意见第七条）。`,
    });
  }
  return warnings;
}
