import { DateTime } from 'luxon';

export interface ReceptionHolder {
  name: string;
  phone: string;
  /** ISO 8601 instants. */
  shiftStart: string;
  shiftEnd: string;
}

export interface ReceptionView {
  stationName: string;
  courtName: string;
  timezone: string;
  /** ISO 8601 instant the page was drawn for. */
  at: string;
  onDuty: ReceptionHolder | null;
  next: ReceptionHolder | null;
  fallbackPhone: string;
}

/** The page reloads itself this often, so the screen follows shift changes unattended. */
export const REFRESH_SECONDS = 60;

const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function when(h: ReceptionHolder, view: ReceptionView): string {
  const start = DateTime.fromISO(h.shiftStart, { zone: view.timezone });
  const end = DateTime.fromISO(h.shiftEnd, { zone: view.timezone });
  const today = DateTime.fromISO(view.at, { zone: view.timezone });
  const day = start.hasSame(today, 'day')
    ? '今天'
    : start.hasSame(today.plus({ days: 1 }), 'day')
      ? '明天'
      : `${start.month}月${start.day}日 ${WEEKDAYS[start.weekday]}`;
  return `${day} ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
}

/**
 * 法院前台值班屏: who is on duty now and how to reach them, who is next, and the fallback
 * number when the desk is empty. Only names, phones and times: no licence numbers, e-mails
 * or case data (rule 12: reception sees only who is on duty).
 */
export function renderReceptionPage(view: ReceptionView): string {
  const now = DateTime.fromISO(view.at, { zone: view.timezone });
  const current = view.onDuty
    ? `<section class="now" data-testid="on-duty">
  <h2>当前值班律师</h2>
  <p class="name">${escape(view.onDuty.name)}</p>
  <p class="phone">电话 ${escape(view.onDuty.phone)}</p>
  <p class="time">值班时间 ${escape(when(view.onDuty, view))}</p>
</section>`
    : `<section class="now none" data-testid="on-duty">
  <h2>当前无值班律师</h2>
  <p class="phone">请拨打 ${escape(view.fallbackPhone)}</p>
</section>`;
  const next = view.next
    ? `<section class="next" data-testid="next">
  <h2>下一班</h2>
  <p class="name">${escape(view.next.name)}　电话 ${escape(view.next.phone)}</p>
  <p class="time">${escape(when(view.next, view))}</p>
</section>`
    : `<section class="next" data-testid="next"><h2>下一班</h2><p class="time">暂无排班</p></section>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(view.courtName)} 值班律师</title>
<style>
/* One screen, no scrolling at 720p and up: every size in vh with an explicit line height, so the
   CJK font's tall default line box cannot push the fallback phone line off the bottom. */
html, body { height: 100%; }
body { margin: 0; padding: 2.5vh 4vw; box-sizing: border-box; display: flex; flex-direction: column; line-height: 1.2; font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", sans-serif; background: #0b2545; color: #fff; }
p, h1, h2 { margin: 0; }
header h1 { font-size: 5vh; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
header p { font-size: 3vh; margin-top: 1vh; opacity: .8; }
section { margin-top: 3vh; padding: 2.5vh 3vw; border-radius: 2vh; background: #13315c; }
h2 { font-size: 4vh; margin-bottom: 1.5vh; color: #8da9c4; }
.now .name { font-size: 12vh; font-weight: bold; }
.now .phone { font-size: 8vh; margin: 1vh 0; color: #ffd166; }
.none .phone { font-size: 10vh; }
.time { font-size: 4vh; }
.next .name { font-size: 6vh; margin-bottom: 1vh; }
footer { margin-top: auto; padding-top: 2vh; font-size: 2.5vh; opacity: .85; }
</style>
</head>
<body>
<header>
  <h1>${escape(view.courtName)} · ${escape(view.stationName)}</h1>
  <p>法律援助值班律师工作站</p>
</header>
${current}
${next}
<footer data-testid="fallback">更新于 ${now.toFormat('yyyy-MM-dd HH:mm')}　·　无人值班时请拨打 ${escape(view.fallbackPhone)}</footer>
</body>
</html>
`;
}
