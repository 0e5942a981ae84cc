/**
 * Every `code` the API can answer in its error body, with its HTTP status and the Chinese
 * message people read. One catalogue: the server's error helpers (src/common/errors.ts) take
 * only these codes (a literal not listed fails the type-check), the OpenAPI document lists them
 * as the error schema's enum, and the console (web/src/api/errors.ts) shows these messages.
 * Plain data, importable by the browser bundle. API.md: codes are extended, never renamed.
 */
import { LAWYER_ACTION_LABELS as LAWYER, SHIFT_RULE_LABELS as SHIFT } from './labels';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;

const e = <S extends ErrorStatus>(status: S, message: string) => ({ status, message });

/** The records `notFound(entity, id)` names, each with its code (`CASE_NOT_FOUND`, …). */
export const NOT_FOUND_CODES = {
  ApiToken: 'API_TOKEN_NOT_FOUND',
  Assignment: 'ASSIGNMENT_NOT_FOUND',
  Case: 'CASE_NOT_FOUND',
  DutyLogEntry: 'DUTY_LOG_ENTRY_NOT_FOUND',
  FileReadingRequest: 'FILE_READING_REQUEST_NOT_FOUND',
  Hearing: 'HEARING_NOT_FOUND',
  HelpRecord: 'HELP_RECORD_NOT_FOUND',
  Lawyer: 'LAWYER_NOT_FOUND',
  Notification: 'NOTIFICATION_NOT_FOUND',
  Objection: 'OBJECTION_NOT_FOUND',
  Roster: 'ROSTER_NOT_FOUND',
  Shift: 'SHIFT_NOT_FOUND',
  Station: 'STATION_NOT_FOUND',
  SwapRequest: 'SWAP_REQUEST_NOT_FOUND',
  Unavailability: 'UNAVAILABILITY_NOT_FOUND',
  User: 'USER_NOT_FOUND',
  WorkdayArrangement: 'WORKDAY_ARRANGEMENT_NOT_FOUND',
  WorkdayOverride: 'WORKDAY_OVERRIDE_NOT_FOUND',
} as const satisfies Record<string, ErrorCode>;

export const ERROR_CODES = {
  // 400: the request itself.
  VALIDATION_FAILED: e(400, '填写有误，请检查'),
  MALFORMED_JSON: e(400, '请求格式错误'),
  INVALID_VALUE: e(400, '有字段的值无法保存，请检查'),
  CSV_REQUIRED: e(400, '请以 CSV 文件（text/csv）上传律师名册'),
  WRONG_PASSWORD: e(400, '当前密码不正确'),
  NOT_ELIGIBLE_FOR_STATION: e(400, SHIFT.NOT_ELIGIBLE_FOR_STATION),
  // 401, 403: who asks.
  UNAUTHORIZED: e(401, '请先登录'),
  FORBIDDEN: e(403, '没有权限执行此操作'),
  CSRF_TOKEN_INVALID: e(403, '页面已过期，请刷新后重试'),
  PASSWORD_CHANGE_REQUIRED: e(403, '请先修改密码'),
  NOT_A_LAWYER: e(403, LAWYER.NOT_A_LAWYER),
  NOT_OWN_LAWYER_ID: e(403, LAWYER.NOT_OWN_LAWYER_ID),
  NOT_SHIFT_HOLDER: e(403, LAWYER.NOT_SHIFT_HOLDER),
  NOT_ON_SHIFT: e(403, LAWYER.NOT_ON_SHIFT),
  NOT_RECORD_OWNER: e(403, LAWYER.NOT_RECORD_OWNER),
  NOT_STATION_MEMBER: e(403, LAWYER.NOT_STATION_MEMBER),
  CLERK_WITHOUT_COURT: e(403, '本账号尚未设置所属法院，请联系管理员'),
  // 404: no such record (an id that is not a UUID, too).
  NOT_FOUND: e(404, '未找到该记录'),
  FEED_NOT_FOUND: e(404, '日历订阅地址无效或已停用'),
  API_TOKEN_NOT_FOUND: e(404, '未找到该访问令牌'),
  ASSIGNMENT_NOT_FOUND: e(404, '未找到该指派记录'),
  CASE_NOT_FOUND: e(404, '未找到该案件'),
  DUTY_LOG_ENTRY_NOT_FOUND: e(404, '未找到该签到记录'),
  FILE_READING_REQUEST_NOT_FOUND: e(404, '未找到该阅卷申请'),
  HEARING_NOT_FOUND: e(404, '未找到该开庭安排'),
  HELP_RECORD_NOT_FOUND: e(404, '未找到该法律帮助记录'),
  LAWYER_NOT_FOUND: e(404, '未找到该律师'),
  NOTIFICATION_NOT_FOUND: e(404, '未找到该邮件'),
  OBJECTION_NOT_FOUND: e(404, '未找到该异议'),
  ROSTER_NOT_FOUND: e(404, '未找到该排班表'),
  SHIFT_NOT_FOUND: e(404, '未找到该班次'),
  STATION_NOT_FOUND: e(404, '未找到该值班点'),
  SWAP_REQUEST_NOT_FOUND: e(404, '未找到该换班申请'),
  UNAVAILABILITY_NOT_FOUND: e(404, '未找到该请假记录'),
  USER_NOT_FOUND: e(404, '未找到该用户'),
  WORKDAY_ARRANGEMENT_NOT_FOUND: e(404, '未找到该年度节假日安排'),
  WORKDAY_OVERRIDE_NOT_FOUND: e(404, '未找到该日期的调整'),
  // 409: the state of the records does not allow it.
  TRANSACTION_CONFLICT: e(409, '有人同时修改了相同的记录，请重试'),
  CONSTRAINT_VIOLATION: e(409, '与已有数据冲突，请刷新后重试'),
  IDEMPOTENCY_KEY_REUSED: e(409, '这份通知刚才已经发送过，之后内容又有改动：请先在“本院案件”中核对是否已收到，再重新填写'),
  USERNAME_TAKEN: e(409, '该登录名已被使用'),
  LICENSE_NO_TAKEN: e(409, '该执业证号已在律师库中'),
  NO_ELIGIBLE_LAWYER: e(409, '律师库中没有可指派的律师'),
  CASE_ALREADY_ASSIGNED: e(409, '该案件已指派律师；如需更换，请填写理由改派'),
  NOT_APPOINTED_DEFENCE: e(409, '该案件不属于指派辩护，无需指派律师'),
  DUTY_LAWYER_HELP: e(409, '值班律师法律帮助案件不指派律师、不出具公函'),
  NO_ACTIVE_ASSIGNMENT: e(409, '该案件当前没有指派的律师'),
  ASSIGNMENT_ALREADY_ENDED: e(409, '该指派已经结束'),
  INVALID_TRANSITION: e(409, '案件当前状态不允许此操作'),
  ASSIGNMENT_RACE_LOST: e(409, '律师刚被其他案件指派，请重试'),
  AT_CAPACITY: e(409, '该律师在办案件已达上限'),
  OVERRIDE_NOT_ALLOWED: e(409, '该律师不符合指派条件，不能改派给该律师'),
  CASE_CHANGED: e(409, '案件已被他人修改，请刷新后重试'),
  CASE_ENDED: e(409, '案件已结束，不能再办理此事项'),
  PROCEDURE_CONVERSION_NOT_ALLOWED: e(409, '该审理程序不能如此变更（刑事诉讼法第二百二十一条、第二百二十六条）'),
  OFFER_NOT_PENDING: e(409, '该邀请已答复或已过期，请刷新'),
  OFFER_EXPIRED: e(409, '答复期限已过，该邀请已失效'),
  OFFER_TOO_LATE: e(409, '距指派期限（第六条）已不足律师答复的时间，请直接指派'),
  NO_DECISION_TO_OBJECT: e(409, '该案件没有可提出异议的决定'),
  OBJECTION_DECIDED: e(409, '该异议已作出决定'),
  FILE_READING_ARRANGED: e(409, '该阅卷申请已安排'),
  LEGAL_AID_CENTER_NOT_CONFIGURED: e(409, '尚未配置法律援助中心的名称、地址和电话，不能出具公函'),
  NOTIFICATION_NOT_FAILED: e(409, '只有发送失败的邮件可以重发'),
  UNAVAILABLE: e(409, SHIFT.UNAVAILABLE),
  OVERLAPPING_SHIFT: e(409, SHIFT.OVERLAPPING_SHIFT),
  SHIFT_CHANGED: e(409, SHIFT.SHIFT_CHANGED),
  SHIFT_NOT_PUBLISHED: e(409, SHIFT.SHIFT_NOT_PUBLISHED),
  ROSTER_OVERLAPS_PUBLISHED: e(409, SHIFT.ROSTER_OVERLAPS_PUBLISHED),
  ROSTER_ALREADY_PUBLISHED: e(409, SHIFT.ROSTER_ALREADY_PUBLISHED),
  ROSTER_PUBLISHED: e(409, SHIFT.ROSTER_PUBLISHED),
  SWAP_PENDING: e(409, SHIFT.SWAP_PENDING),
  SWAP_NOT_PENDING: e(409, SHIFT.SWAP_NOT_PENDING),
  SHIFT_NOT_STARTED: e(409, LAWYER.SHIFT_NOT_STARTED),
  SHIFT_ENDED: e(409, LAWYER.SHIFT_ENDED),
  ALREADY_CHECKED_IN: e(409, LAWYER.ALREADY_CHECKED_IN),
  ALREADY_CHECKED_OUT: e(409, LAWYER.ALREADY_CHECKED_OUT),
  NOT_CHECKED_IN: e(409, LAWYER.NOT_CHECKED_IN),
  DAY_SIGNED_OFF: e(409, LAWYER.DAY_SIGNED_OFF),
  DAY_NOT_OVER: e(409, LAWYER.DAY_NOT_OVER),
  SHIFT_STILL_OPEN: e(409, LAWYER.SHIFT_STILL_OPEN),
  ALREADY_SIGNED_OFF: e(409, LAWYER.ALREADY_SIGNED_OFF),
  ALREADY_CORRECTED: e(409, LAWYER.ALREADY_CORRECTED),
  SHIFT_STARTED: e(409, LAWYER.SHIFT_STARTED),
  SWAP_STALE: e(409, LAWYER.SWAP_STALE),
  SHIFT_UNFILLED: e(409, LAWYER.SHIFT_UNFILLED),
  // 413, 429, 503.
  PAYLOAD_TOO_LARGE: e(413, '内容过大'),
  RATE_LIMITED: e(429, '操作过于频繁，请稍后再试'),
  ACCOUNT_LOCKED: e(429, '登录失败次数过多，账户已暂时锁定，请稍后再试'),
  DATABASE_UNAVAILABLE: e(503, '系统暂时无法访问数据库，请稍后重试'),
  LETTER_PDF_FONT_MISSING: e(503, '服务器缺少公函 PDF 所需的中文字体，请联系管理员或下载 DOCX'),
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
/** The codes answered with HTTP status `S`. */
export type ErrorCodeOf<S extends ErrorStatus> = { [K in ErrorCode]: (typeof ERROR_CODES)[K]['status'] extends S ? K : never }[ErrorCode];
export type NotFoundEntity = keyof typeof NOT_FOUND_CODES;
