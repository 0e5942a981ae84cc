import { CONSOLE_ROUTES } from '../../shared/console-routes';
import { CalendarEvent, calendarAttachment, shiftTimes } from './ics';
import { formatDate, formatShiftTime } from './format';
import { renderMail } from './layout';
import type {
  MailContext,
  RenderedMail,
  RosterPublishedMail,
  ShiftChangedMail,
  ShiftReminderMail,
  ShiftSlot,
  StationRef,
  SwapRequestedMail,
} from './mail-types';

const place = (station: StationRef): string => `${station.courtName} ${station.name}`;

const shiftsLink = { label: '在系统中查看我的值班', path: CONSOLE_ROUTES.lawyerShifts };

function shiftEvent(slot: ShiftSlot, station: StationRef, timezone: string, ctx: MailContext): CalendarEvent {
  return {
    uid: `shift-${slot.id}@duty-lawyer`,
    ...shiftTimes(slot, timezone),
    summary: `值班律师值班：${station.name}`,
    location: place(station),
    url: `${ctx.baseUrl}${shiftsLink.path}`,
  };
}

const shiftsCalendar = (slots: ShiftSlot[], station: StationRef, timezone: string, ctx: MailContext) =>
  calendarAttachment(
    'duty-shifts.ics',
    slots.map((s) => shiftEvent(s, station, timezone, ctx)),
    timezone,
    ctx.now,
  );

/** Roster published (DESIGN rule 10): one mail per lawyer with all of their shifts in it. */
export function rosterPublishedMail(data: RosterPublishedMail, ctx: MailContext): RenderedMail {
  const shifts = [...data.shifts].sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
  return renderMail(
    {
      subject: `【值班安排】${data.station.name}排班表已发布，您共有${shifts.length}个班次`,
      recipientName: data.lawyer.name,
      paragraphs: [`${place(data.station)}的值班排班表已发布。您的值班安排如下，请按时到岗并办理签到、签退：`],
      table: { head: ['日期', '时间', '值班点'], rows: shifts.map((s) => [formatDate(s.date), formatShiftTime(s), data.station.name]) },
      notes: ['附件为日历文件（.ics），可导入手机或电脑日历。', '如需调班，请在系统中提出换班申请。'],
      link: shiftsLink,
      attachments: shifts.length ? [shiftsCalendar(shifts, data.station, data.timezone, ctx)] : [],
    },
    ctx,
  );
}

/**
 * A shift that changed hands by override or swap: the lawyer who now holds it gets the
 * shift with a calendar entry, the one who held it is told it is no longer theirs.
 */
export function shiftChangedMail(data: ShiftChangedMail, recipient: 'holder' | 'previous', ctx: MailContext): RenderedMail {
  const how = data.change === 'swap' ? '换班' : '调度员调整';
  const when = `${formatDate(data.shift.date)} ${formatShiftTime(data.shift)}`;
  const holder = recipient === 'holder';
  return renderMail(
    {
      subject: holder ? `【值班变更】您新增一个班次：${when}` : `【值班变更】您的班次已调出：${when}`,
      recipientName: (holder ? data.lawyer : data.previous!).name,
      paragraphs: [
        holder
          ? `因${how}，以下班次现由您值班${data.previous ? `（原值班律师：${data.previous.name}）` : ''}：`
          : `因${how}，以下班次已改由${data.lawyer.name}律师值班，您无需到岗：`,
      ],
      facts: [
        ['值班点', place(data.station)],
        ['时间', when],
        ...(data.reason ? ([['原因', data.reason]] as Array<[string, string]>) : []),
      ],
      link: shiftsLink,
      attachments: holder ? [shiftsCalendar([data.shift], data.station, data.timezone, ctx)] : [],
    },
    ctx,
  );
}

/** The evening before a shift. */
export function shiftReminderMail(data: ShiftReminderMail, ctx: MailContext): RenderedMail {
  const when = `${formatDate(data.shift.date)} ${formatShiftTime(data.shift)}`;
  return renderMail(
    {
      subject: `【提醒】明日值班：${data.station.name} ${formatShiftTime(data.shift)}`,
      recipientName: data.lawyer.name,
      paragraphs: [`提醒您明天在${place(data.station)}值班，请按时到岗并签到。`],
      facts: [
        ['值班点', place(data.station)],
        ['时间', when],
      ],
      notes: ['如因故不能到岗，请尽快联系法律援助中心安排替班。'],
      link: shiftsLink,
    },
    ctx,
  );
}

/**
 * A swap offer to the lawyer it is made to. No calendar entry: the shift is not theirs
 * until they accept, and the shift-changed mail then brings one.
 */
export function swapRequestedMail(data: SwapRequestedMail, ctx: MailContext): RenderedMail {
  const when = `${formatDate(data.shift.date)} ${formatShiftTime(data.shift)}`;
  return renderMail(
    {
      subject: `【换班申请】${data.from.name}律师请您代班：${when}`,
      recipientName: data.lawyer.name,
      paragraphs: [`${data.from.name}律师申请将以下班次换给您值班。接受后该班次即由您值班；不接受则无需处理。`],
      facts: [
        ['值班点', place(data.station)],
        ['时间', when],
        ['申请律师', data.from.name],
      ],
      notes: ['请在系统的“换班”页面接受或拒绝。', '班次开始前未接受的申请不再有效；申请人或调度员也可撤回。'],
      link: { label: '在系统中处理换班申请', path: CONSOLE_ROUTES.lawyerSwaps },
    },
    ctx,
  );
}
