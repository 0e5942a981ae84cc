/**
 * The server's error shape `{statusCode, code?, message, details?: [{field, reason}]}` in
 * Chinese for the people using the console. Pure (no Vue, no fetch): tested by vitest.
 * Screens add the labels of their own fields to FIELD_LABELS; a code's message comes from the
 * server's catalogue (src/shared/error-codes.ts: add a new code there); a message the server
 * already wrote in Chinese is shown as it is.
 */
import { ERROR_CODES } from '../../../src/shared/error-codes';
import { LAWYER_ACTION_LABELS, SHIFT_RULE_LABELS } from '../../../src/shared/labels';

export interface FieldError {
  field: string;
  reason: string;
}

export interface ErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  details?: FieldError[];
  correlationId?: string;
}

/** The server's catalogue (src/shared/error-codes.ts) in Chinese, and the lawyer actions' and shift rules' labels. */
export const CODE_MESSAGES: Record<string, string> = {
  ...LAWYER_ACTION_LABELS,
  ...SHIFT_RULE_LABELS,
  ...Object.fromEntries(Object.entries(ERROR_CODES).map(([code, { message }]) => [code, message])),
};

export const FIELD_LABELS: Record<string, string> = {
  licenseNo: '执业证号',
  firm: '律师事务所',
  phone: '电话',
  email: '电子邮箱',
  criminalPracticeSince: '刑辩执业起始日',
  poolTier: '律师库层级',
  juvenileExperience: '未成年人案件经历',
  weight: '权重',
  maxOpenCases: '在办案件上限',
  dutyStationIds: '值班点',
  suspensionReason: '暂停原因',
  ground: '终止事由',
  place: '地点',
  kind: '类型',
  justified: '理由是否正当',
  username: '登录名',
  password: '密码',
  current: '当前密码',
  next: '新密码',
  name: '姓名',
  role: '角色',
  lawyerId: '律师',
  active: '启用状态',
  body: '请求内容',
  courtName: '所在法院',
  fallbackPhone: '无人值班时电话',
  shiftTemplates: '班次模板',
  start: '开始时间',
  end: '结束时间',
  note: '原因',
  date: '日期',
  year: '年份',
  festivals: '节日',
  workdays: '调休上班日',
  at: '时间',
  from: '开始日期',
  to: '结束日期',
  reason: '事由',
  shiftId: '班次',
  courtCaseNo: '案号',
  defendantName: '被告人',
  helpType: '帮助类型',
  summary: '帮助内容',
  startedAt: '开始时间',
  endedAt: '结束时间',
  toLawyerId: '换班对象',
  // The 通知辩护函 (Art 4): dotted paths as the API reports them.
  stationId: '值班点',
  procedure: '审理程序',
  charges: '罪名',
  possibleSentence: '可能判处的刑罚',
  offenceDate: '案发日期',
  'defendant.name': '被告人姓名',
  idNumber: '身份证号',
  birthDate: '出生日期',
  gender: '性别',
  detained: '是否羁押',
  detentionPlace: '羁押场所',
  address: '住所',
  'defendant.phone': '被告人联系方式',
  disabilities: '残疾情况',
  'judge.name': '承办法官姓名',
  'judge.phone': '承办法官电话',
  trialAt: '开庭时间',
  trialPlace: '开庭地点',
  indictmentAttached: '起诉书副本',
  receivedAt: '收到时间',
  relatedCaseNos: '关联案件案号',
  otherMandatoryGround: '其他法定情形',
  'Idempotency-Key': '提交编号',
  requestedAt: '申请时间',
};

/** class-validator's and the services' English reasons, in Chinese; $1… are the captured numbers. */
const REASONS: Array<[RegExp, string]> = [
  [/^must be 17 digits/, '应为 17 位数字'],
  [/^must be a phone number$/, '应为电话号码'],
  [/^must be an e-mail address$/, '应为电子邮箱地址'],
  [/^unknown column$/, '不是可导入的列'],
  [/^missing column$/, '缺少此列'],
  [/^duplicates row (\d+)$/, '与第 $1 行重复'],
  [/^has (\d+) cells, the header has (\d+)$/, '本行 $1 列，表头 $2 列'],
  [/^empty file/, '文件为空，第一行须为字段名'],
  [/^no station /, '值班点不存在'],
  [/^should not be empty$/, '不能为空'],
  [/^must be at least (\d+) characters$/, '至少 $1 个字符'],
  [/^must be longer than or equal to (\d+) characters$/, '至少 $1 个字符'],
  [/^must be shorter than or equal to (\d+) characters$/, '最多 $1 个字符'],
  [/^must be at most (\d+) characters$/, '最多 $1 个字符'],
  [/^must be a string$/, '应为文字'],
  [/^must be a boolean value$/, '应为是或否'],
  [/^must be a UUID$/, '格式不正确'],
  [/^must be one of the following values/, '不在可选范围内'],
  [/^must be a real date YYYY-MM-DD$/, '日期格式应为 YYYY-MM-DD'],
  [/^should not exist$/, '不是可填写的字段'],
  [/^is required/, '必填'],
  [/^is not the current password$/, '当前密码不正确'],
  [/^must differ from the current password$/, '不能与当前密码相同'],
  [/^no such lawyer$/, '律师不存在'],
  // Stations, rosters and shifts (rule 10).
  [/^the lawyer is on leave that day/, '该律师当天请假，不能值班'],
  [/^the lawyer holds an overlapping shift/, '该律师同一时段已有其他值班'],
  [/^the lawyer is inactive or suspended$/, '该律师已停用或暂停'],
  [/^the lawyer is not a member of this station/, '该律师不是本值班点的律师'],
  [/^already holds this shift$/, '已是该班次的值班律师'],
  [/^a published shift changes only with a reason/, '已发布的班次须填写调整原因'],
  [/^must be a local time HH:mm$/, '时间格式应为 HH:mm'],
  [/^must be after start on the same day$/, '结束时间须晚于开始时间（同一天内）'],
  [/^overlaps template (.+)$/, '与班次“$1”时间重叠'],
  [/^duplicate template name (.+)$/, '班次名称“$1”重复'],
  [/^must be an IANA time zone/, '时区格式不正确'],
  [/^must not be before from$/, '不能早于开始日期'],
  [/^the period may span at most (\d+) days$/, '期间最长 $1 天'],
  // The working-day calendar (rule 7): a year's arrangement.
  [/^must be inside (\d{4})$/, '须在 $1 年内'],
  [/^(\S+) is listed twice$/, '$1 重复填写'],
  [/^(\S+) is a weekday, a working day already$/, '$1 是周一至周五，本来就是工作日'],
  [/^(\S+) is inside (.+)$/, '$1 在$2放假期间内'],
  [/^overlaps (.+) \((\S+)\.\.(\S+)\)$/, '与$1（$2 至 $3）重叠'],
  [/^a festival lasts at most (\d+) days$/, '一个节日最长 $1 天'],
  // The duty ledger (Art 2).
  [/^must be an ISO 8601 instant with offset/, '时间格式不正确'],
  [/^must be after startedAt$/, '应晚于开始时间'],
  [/^must be on the shift's day (\S+)$/, '应在值班当天（$1）'],
  [/^must not be in the future$/, '不能晚于现在'],
  [/^must not contain an ID number/, '不能填写身份证号'],
  // The 通知辩护函 (Art 4).
  [/^must be an 18-character resident ID number$/, '应为 18 位居民身份证号'],
  [/^must be before offenceDate$/, '应早于案发日期'],
  [/^must not be before offenceDate$/, '不能早于案发日期'],
  [/^must not list the notice’s own courtCaseNo$/, '不能填写本案案号'],
  [/^must be the clerk's own court \((.+)\)$/, '只能为本院（$1）发送通知'],
  [/^only users of role court_clerk belong to a court$/, '只有法院书记员属于法院'],
];

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** Known English reasons first: some carry a Chinese term ("must be 17 digits (执业证号)", "overlaps template 上午") and still need translating. */
export function reasonInChinese(reason: string): string {
  for (const [pattern, zh] of REASONS) {
    const m = pattern.exec(reason);
    if (m) return zh.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
  }
  return reason;
}

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? FIELD_LABELS[field.split('.').pop() ?? ''] ?? field;

export interface DescribedError {
  /** One line for a toast or an alert. */
  message: string;
  /** Per field, for form items: `{username: '不能为空'}`. */
  fields: Record<string, string>;
}

function byStatus(status: number, body: ErrorBody): string {
  if (status === 404) return '未找到该记录';
  if (status === 409) return '与当前状态冲突，请刷新后重试';
  if (status === 413) return '内容过大';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status === 503) return '服务暂时不可用，请稍后重试';
  if (status >= 500) return `服务器出错，请联系管理员${body.correlationId ? `（编号 ${body.correlationId}）` : ''}`;
  if (status === 0) return '无法连接服务器，请检查网络';
  return '请求失败';
}

export function describeError(status: number, body: ErrorBody | null | undefined): DescribedError {
  const b = body ?? {};
  const fields: Record<string, string> = {};
  for (const d of b.details ?? []) fields[d.field] ??= reasonInChinese(d.reason);
  const listed = Object.entries(fields).map(([f, r]) => `${fieldLabel(f)}：${r}`);
  if (listed.length > 0) return { message: listed.join('；'), fields };
  if (b.message && HAS_CHINESE.test(b.message)) return { message: b.message, fields };
  const known = b.code ? (CODE_MESSAGES[b.code] ?? (b.code.endsWith('_NOT_FOUND') ? CODE_MESSAGES.NOT_FOUND : undefined)) : undefined;
  return { message: known ?? byStatus(status, b), fields };
}
