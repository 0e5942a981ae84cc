import { DateTime } from 'luxon';
import { defendantDisplayName, maskDefendantIn } from '../domain/privacy';
import { CONSOLE_ROUTES } from '../../shared/console-routes';
import { HEARING_KIND_LABELS, WARNING_LABELS } from '../../shared/labels';
import { DEADLINE_LABELS, END_GROUND_LABELS, formatDate, formatInstant } from './format';
import { calendarAttachment } from './ics';
import { MailSpec, renderMail } from './layout';
import type {
  AssignedMail,
  CaseRef,
  DeadlineReminderMail,
  HearingKind,
  HearingMail,
  JudgeContact,
  MailContext,
  OfferedMail,
  ReassignedMail,
  RenderedMail,
  TerminatedMail,
} from './mail-types';

type Facts = Array<[string, string]>;

/** Case lines every case mail carries; the defendant only ever through defendantDisplayName (Art 23). */
export function caseFacts(c: CaseRef, judge?: JudgeContact): Facts {
  const facts: Facts = [
    ['案号', c.courtCaseNo],
    ['法院', c.courtName],
    ['罪名', c.charges.join('、')],
    ['被告人', defendantDisplayName(c.defendant.name, c.defendant.juvenile)],
  ];
  if (judge) facts.push(['承办法官', `${judge.name ?? '（通知未载明，请向法院询问）'}${judge.phone ? `（电话 ${judge.phone}）` : ''}`]);
  return facts;
}

const caseLink = (c: CaseRef) => ({ label: '在系统中查看案件', path: CONSOLE_ROUTES.lawyerCase(c.id) });

/** Art 12 duties with their dates. */
function duties(data: AssignedMail): Facts {
  return [
    [`${DEADLINE_LABELS.contact_judge}（第十二条，3日内）`, `${formatDate(data.deadlines.contactJudgeBy)}前`],
    [`${DEADLINE_LABELS.file_review_and_meeting}（第十二条，7日内）`, `${formatDate(data.deadlines.fileReviewAndMeetingBy)}前`],
  ];
}

function assignmentSpec(data: AssignedMail, subject: string, opening: string): MailSpec {
  return {
    subject,
    recipientName: data.lawyer.name,
    paragraphs: [opening, '请自接受指派之日起按期履行以下职责：'],
    facts: [...caseFacts(data.case, data.judge), ...duties(data)],
    notes: ['法律援助公函可在系统中下载。'],
    link: caseLink(data.case),
  };
}

/** A new appointment (指派辩护). */
export function assignedMail(data: AssignedMail, ctx: MailContext): RenderedMail {
  const opening = `法律援助中心指派您担任${data.case.courtCaseNo}案被告人的辩护人。`;
  return renderMail(assignmentSpec(data, `【指派通知】${data.case.courtCaseNo} ${data.case.courtName}`, opening), ctx);
}

/** An offer: the lawyer accepts or declines in the system by respondBy; no letter until accepted. */
export function offeredMail(data: OfferedMail, ctx: MailContext): RenderedMail {
  return renderMail(
    {
      subject: `【指派邀请】${data.case.courtCaseNo} ${data.case.courtName}（请于${formatInstant(data.respondBy, ctx.timezone)}前答复）`,
      recipientName: data.lawyer.name,
      paragraphs: [
        `法律援助中心拟指派您担任${data.case.courtCaseNo}案被告人的辩护人，请于${formatInstant(data.respondBy, ctx.timezone)}前在系统中接受或说明理由拒绝；逾期未答复的，将另行指派其他律师。`,
        '接受后方出具法律援助公函，并自接受之日起计算第十二条规定的期限。',
      ],
      facts: caseFacts(data.case, data.judge),
      link: caseLink(data.case),
    },
    ctx,
  );
}

/** What a dispatcher typed about the case, as a mail may carry it (a juvenile's name masked). */
export const typedAbout = (text: string, c: CaseRef) => maskDefendantIn(text, c.defendant.name, c.defendant.juvenile);

/** Re-appointment: the new lawyer gets the full appointment, the previous one is released from the case. */
export function reassignedMail(original: ReassignedMail, recipient: 'holder' | 'previous', ctx: MailContext): RenderedMail {
  const data = { ...original, reason: typedAbout(original.reason, original.case) };
  if (recipient === 'holder') {
    const opening = `因${data.reason}，法律援助中心改为指派您担任${data.case.courtCaseNo}案被告人的辩护人（原承办律师：${data.previous.name}）。`;
    return renderMail(assignmentSpec(data, `【重新指派】${data.case.courtCaseNo} ${data.case.courtName}`, opening), ctx);
  }
  return renderMail(
    {
      subject: `【指派变更】${data.case.courtCaseNo}已改派其他律师`,
      recipientName: data.previous.name,
      paragraphs: [`因${data.reason}，${data.case.courtCaseNo}案已改由${data.lawyer.name}律师承办，请做好案件材料交接。`],
      facts: caseFacts(data.case),
      link: caseLink(data.case),
    },
    ctx,
  );
}

/** Hearings worth a calendar entry; postponement and suspension only tell. */
const EVENT_KINDS: HearingKind[] = ['pretrial_meeting', 'trial', 'verdict'];

/** Tagged by the hearing's own kind: a pre-trial meeting is not announced as a trial. */
const HEARING_CHANGE = {
  added: { tag: '通知', verb: '通知了' },
  changed: { tag: '变更', verb: '变更了' },
  cancelled: { tag: '取消', verb: '取消了' },
};

/** Art 11: time and place of pre-trial meetings, trials and verdicts, and the major procedural decisions. */
export function hearingMail(data: HearingMail, ctx: MailContext): RenderedMail {
  const { hearing } = data;
  const label = HEARING_KIND_LABELS[hearing.kind];
  const when = hearing.at ? formatInstant(hearing.at, ctx.timezone) : '另行通知';
  const change = HEARING_CHANGE[hearing.cancelled ? 'cancelled' : data.change];
  const event =
    hearing.at && EVENT_KINDS.includes(hearing.kind)
      ? {
          uid: `hearing-${hearing.id}@duty-lawyer`,
          start: DateTime.fromISO(hearing.at, { zone: ctx.timezone }),
          summary: `${label}：${data.case.courtCaseNo}`,
          location: hearing.place ?? data.case.courtName,
          url: `${ctx.baseUrl}${caseLink(data.case).path}`,
          sequence: hearing.sequence,
          cancelled: hearing.cancelled,
        }
      : null;
  const notes = [
    ...(hearing.shortNotice && !hearing.cancelled
      ? [`${WARNING_LABELS.SHORT_NOTICE}：本次通知距${label}不足三日，少于实施意见第十一条要求的提前三日。`]
      : []),
    ...(event ? ['附件为日历文件（.ics），可导入日历。'] : []),
  ];
  return renderMail(
    {
      subject: `【${label}${change.tag}】${data.case.courtCaseNo} ${when}`,
      recipientName: data.lawyer.name,
      paragraphs: [`${data.case.courtName}${change.verb}您承办案件的${label}安排：`],
      facts: [['事项', label], ['时间', when], ...(hearing.place ? ([['地点', hearing.place]] as Facts) : []), ...caseFacts(data.case)],
      notes,
      link: caseLink(data.case),
      attachments: event ? [calendarAttachment('hearing.ics', [event], ctx.timezone, ctx.now)] : [],
    },
    ctx,
  );
}

/** Art 17: the center ended legal aid in the case; or (Art 5) a justified refusal released this lawyer. */
export function terminatedMail(data: TerminatedMail, ctx: MailContext): RenderedMail {
  const released = data.ground === 'refused';
  const caseNo = data.case.courtCaseNo;
  return renderMail(
    {
      subject: released ? `【指派结束】${caseNo}` : `【终止法律援助】${caseNo}`,
      recipientName: data.lawyer.name,
      paragraphs: [
        released
          ? `${caseNo}案的拒绝辩护经准许，您对该案的指派已结束，法律援助中心将另行指派律师。`
          : `法律援助中心已决定终止${caseNo}案的法律援助，您无需继续承办该案。`,
      ],
      facts: [
        [released ? '原因' : '终止理由', END_GROUND_LABELS[data.ground]],
        ...(data.note ? ([['说明', typedAbout(data.note, data.case)]] as Facts) : []),
        ...caseFacts(data.case),
      ],
      link: caseLink(data.case),
    },
    ctx,
  );
}

/** The day before an Art 12 deadline. */
export function deadlineReminderMail(data: DeadlineReminderMail, ctx: MailContext): RenderedMail {
  const duty = DEADLINE_LABELS[data.deadline.kind];
  return renderMail(
    {
      subject: `【提醒】${data.case.courtCaseNo}明日到期：${duty}`,
      recipientName: data.lawyer.name,
      paragraphs: [`根据第十二条，您应于${formatDate(data.deadline.due)}前${duty}。如已完成，请忽略本提醒。`],
      facts: caseFacts(data.case),
      link: caseLink(data.case),
    },
    ctx,
  );
}
