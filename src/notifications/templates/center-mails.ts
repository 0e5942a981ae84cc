import { CONSOLE_ROUTES } from '../../shared/console-routes';
import { caseFacts, typedAbout } from './case-mails';
import { formatDate, formatInstant } from './format';
import { MailSpec, renderMail } from './layout';
import type { AidOrderedMail, CaseRef, FileReadingOverdueMail, MailContext, OfferStalledMail, RenderedMail } from './mail-types';

/** Why no next lawyer was offered the case. */
const STOP_LABELS: Record<OfferStalledMail['stop'], string> = {
  NO_ELIGIBLE_LAWYER: '没有其他符合条件的律师可以邀请',
  OFFER_TOO_LATE: '距第六条指派期限已不足律师答复的时间',
};

const END_LABELS: Record<OfferStalledMail['end'], string> = { declined: '拒绝了指派邀请', expired: '未在答复期限内答复指派邀请' };

/** Center mails greet the center and link to the dispatcher's case page. */
function centerSpec(c: CaseRef, ctx: MailContext, spec: Pick<MailSpec, 'subject' | 'paragraphs' | 'facts'>): MailSpec {
  return {
    ...spec,
    recipientName: ctx.centerName,
    greeting: `${ctx.centerName}：`,
    link: { label: '在系统中处理该案', path: CONSOLE_ROUTES.centerCase(c.id) },
  };
}

/** Art 18, LAL Art 49: the justice bureau ordered aid; the case is open for appointment again, due by the new Art 6 date. */
export function aidOrderedMail(data: AidOrderedMail, ctx: MailContext): RenderedMail {
  const caseNo = data.case.courtCaseNo;
  return renderMail(
    centerSpec(data.case, ctx, {
      subject: `【责令提供法律援助】${caseNo}（请于${formatDate(data.appointBy)}前指派）`,
      paragraphs: [
        `司法行政机关对${caseNo}案的异议作出决定，责令提供法律援助（实施意见第十八条，法律援助法第四十九条）。`,
        `该案已重新开放指派，请于${formatDate(data.appointBy)}前指派律师（实施意见第六条，3日内）。`,
      ],
      facts: [...caseFacts(data.case), ['指派期限', `${formatDate(data.appointBy)}前`], ['决定说明', typedAbout(data.note, data.case)]],
    }),
    ctx,
  );
}

/** An offer ended and the case went back to the dispatcher: nobody else to offer, or no time left. */
export function offerStalledMail(data: OfferStalledMail, ctx: MailContext): RenderedMail {
  const caseNo = data.case.courtCaseNo;
  return renderMail(
    centerSpec(data.case, ctx, {
      subject: `【待指派】${caseNo}：${data.lawyerName}律师${data.end === 'declined' ? '拒绝邀请' : '答复超时'}`,
      paragraphs: [
        `${data.lawyerName}律师${END_LABELS[data.end]}；因${STOP_LABELS[data.stop]}，系统未再发出邀请，该案退回待指派，请人工处理。`,
      ],
      facts: [
        ...caseFacts(data.case),
        ...(data.reason ? ([['拒绝理由', typedAbout(data.reason, data.case)]] as Array<[string, string]>) : []),
        ['指派期限', `${formatDate(data.appointBy)}前`],
      ],
    }),
    ctx,
  );
}

/** Art 13: the court was to arrange the reading within 3 working days; Art 21: the center protects the lawyer's practice rights. */
export function fileReadingOverdueMail(data: FileReadingOverdueMail, ctx: MailContext): RenderedMail {
  const caseNo = data.case.courtCaseNo;
  return renderMail(
    centerSpec(data.case, ctx, {
      subject: `【阅卷超期】${caseNo}：法院未在${formatDate(data.arrangeBy)}前安排阅卷`,
      paragraphs: [
        `${data.lawyerName}律师申请阅卷后，法院未在三个工作日内（${formatDate(data.arrangeBy)}前）安排（实施意见第十三条）。`,
        '请依第二十一条与法院沟通，维护律师的执业权利。',
      ],
      facts: [
        ...caseFacts(data.case),
        ['承办律师', data.lawyerName],
        ['申请时间', formatInstant(data.requestedAt, ctx.timezone)],
        ['应安排日期', `${formatDate(data.arrangeBy)}前`],
      ],
    }),
    ctx,
  );
}
