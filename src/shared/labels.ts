/**
 * The one catalogue of codes → Chinese labels that people read: mails and the console
 * (web/ imports this file as it is) show these, never the code. Plain data, no imports, so
 * the browser bundle can take it; the API keeps returning the codes (API.md).
 */

/** Every warning code the API returns: notices and cases, hearings, rosters. */
export const WARNING_LABELS = {
  /** Art 4; CPL Art 187. */
  NOTICE_LATE: '通知辩护晚于开庭前十日',
  /** Art 7. */
  POSTPONEMENT_ADVISED: '材料不全，可建议法院延期开庭',
  /** CPL Art 215, 223: simplified / fast-track not allowed for this defendant. */
  PROCEDURE_NOT_ALLOWED: '依法不适用简易程序或速裁程序',
  /** Art 5. */
  REFUSAL_NEEDS_REASON: '被告人拒绝指派，须查明理由',
  /** Legal Aid Law: a third defender in one case. */
  DEFENCE_CHANGED_TWICE: '辩护人已两次更换',
  /** Art 11: fewer than three days' notice of a pre-trial meeting, trial or verdict. */
  SHORT_NOTICE: '通知时间不足三日',
  UNFILLED_SHIFT: '班次无人可排',
  SECOND_SHIFT_SAME_DAY: '同一律师同日两个班次',
  CONSECUTIVE_DAYS: '连续两日值班',
  UNBALANCED: '班次分配不均',
  UNEVEN_SPREAD: '班次集中于同一星期或时段',
  /** Leave added over shifts already published: the dispatcher reassigns them. */
  PUBLISHED_SHIFTS_DURING_LEAVE: '请假期间有已发布的值班',
  /** Rule 7: a year the holiday data does not cover falls back to Monday–Friday. */
  CALENDAR_DATA_MISSING: '缺少该年度国务院节假日安排，工作日暂按周一至周五计算',
} as const;

export type WarningCode = keyof typeof WARNING_LABELS;

/** The label of a warning code; a code this catalogue does not know yet reads as a generic notice, never as the code. */
export function warningLabel(code: string): string {
  return (WARNING_LABELS as Record<string, string>)[code] ?? '系统提示';
}

/** Hearing kinds (Art 11). A pre-trial meeting (庭前会议) is not a trial. */
export const HEARING_KIND_LABELS = {
  pretrial_meeting: '庭前会议',
  trial: '开庭审理',
  verdict: '宣告判决',
  postponed: '延期审理',
  suspended: '中止审理',
} as const;

/** A code's label from one of the tables below: '—' when there is none, '未知' for a code the table does not know. */
export function labelOf(table: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (!code) return '—';
  return table[code] ?? '未知';
}

/** Case states (src/cases/domain/case-state.ts). */
export const CASE_STATUS_LABELS = {
  received: '已收到',
  incomplete: '材料不全',
  ready: '待指派',
  assigned: '已指派',
  refused: '被告人拒绝',
  awaiting_defender: '待另行委托或指派',
  offered: '待律师答复',
  duty_help: '值班律师法律帮助',
  terminated: '已终止',
  closed: '已结案',
  no_aid: '无需援助',
} as const;

/** Routes and why (Art 2). */
export const ROUTE_LABELS = { appointed_defence: '指派辩护', duty_lawyer_help: '值班律师法律帮助', none: '不予指派' } as const;
export const ROUTE_REASON_LABELS = {
  retained_counsel: '被告人已委托辩护人',
  mandatory_ground: '属于应当通知辩护的情形',
  refused_aid: '被告人拒绝法律援助',
  procedure: '按审理程序分流',
  aid_ordered: '司法局责令提供法律援助',
} as const;

export const PROCEDURE_LABELS = {
  ordinary: '普通程序',
  simplified: '简易程序',
  fast_track: '速裁程序',
  trial_supervision: '审判监督程序',
} as const;
export const SENTENCE_LABELS = { ordinary: '有期徒刑及以下', life: '无期徒刑', death: '死刑' } as const;

/** A defendant's disabilities as the notice states them (CPL Art 35 para 2; LAL 2021 Art 25). */
export const DISABILITY_LABELS = {
  blind: '盲人',
  deaf: '聋人',
  mute: '哑人',
  mental: '尚未完全丧失辨认或者控制自己行为能力的精神病人',
  visual: '视力残疾',
  hearing: '听力残疾',
  speech: '言语残疾',
  intellectual: '智力残疾',
} as const;

/** Mandatory grounds (Legal Aid Law 2021 Art 25; seed Art 2), short forms for screens. */
export const MANDATORY_GROUND_LABELS: Readonly<Record<string, string>> = {
  minor: '未成年人',
  visual_disability: '视力残疾人',
  hearing_disability: '听力残疾人',
  speech_disability: '言语残疾人',
  limited_capacity: '不能完全辨认或者控制自己行为的人',
  life_or_death_sentence: '可能被判处无期徒刑、死刑',
  death_penalty_review: '死刑复核案件',
  trial_in_absentia: '缺席审判案件',
  other_law: '其他法律规定的情形',
  // Codes of cases recorded before LAL Art 25's wording (issue 12 item 7).
  blind: '盲人',
  deaf: '聋人',
  mute: '哑人',
  mental_impairment: '尚未完全丧失辨认或者控制自己行为能力的精神病人',
};

/** Art 4 items a notice may lack (the API's `missingFields` paths). */
export const NOTICE_FIELD_LABELS = {
  'defendant.name': '被告人姓名',
  charges: '罪名',
  'defendant.detentionPlace': '羁押场所',
  'judge.name': '承办法官姓名',
  'judge.phone': '承办法官电话',
  trialAt: '开庭时间',
  trialPlace: '开庭地点',
  'defendant.address': '被告人住所',
  'defendant.phone': '被告人联系方式',
  indictmentAttached: '起诉书副本',
} as const;

export const DEADLINE_LABELS = {
  appointBy: '指派期限（第六条）',
  materialsDueBy: '材料送达期限（第四条）',
  contactJudgeBy: '联系法官期限（第十二条）',
  fileReviewAndMeetingBy: '阅卷会见期限（第十二条）',
  retainCounselBy: '另行委托辩护人期限（五日）',
  renotifyBy: '法院另行通知指派期限（三日）',
} as const;

/** An assignment's state, offers included (law round 2). */
export const ASSIGNMENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  active: '在办',
  offered: '待律师答复',
  accepted: '已接受',
  declined: '律师已拒绝',
  expired: '答复超时',
  replaced: '已更换',
  refused: '被告人拒绝',
  terminated: '已终止',
  closed: '已结案',
};

/** Why the pick chose its lawyer (src/cases/assignment/domain/types.ts DecidedBy). */
export const DECIDED_BY_LABELS = {
  only_eligible: '唯一符合条件',
  tier: '律师库层级优先',
  score: '公平轮换得分最低',
  last_appointed: '距上次指派最久',
  stable_key: '按执业证号顺序',
  manual_override: '调度员人工指定',
} as const;

export const POOL_TIER_LABELS = { core: '核心库', reserve: '后备库', none: '库外' } as const;

/** What a case's audit trail records, for its history on the case page. */
export const CASE_AUDIT_LABELS: Readonly<Record<string, string>> = {
  'case.receive': '收到通知辩护函',
  'case.supplement': '法院补充材料',
  'case.assign': '指派律师',
  'case.reassign': '更换律师',
  'case.refusal': '记录拒绝辩护',
  'case.terminate': '终止法律援助',
  'case.end_at_request': '应被告人要求终止，待另行委托或指派',
  'case.reopen': '司法局责令提供法律援助',
  'case.convert': '程序转换',
  'case.offer': '向律师发出指派邀请',
  'case.offer.accept': '律师接受指派',
  'case.offer.decline': '律师拒绝指派',
  'case.offer.expire': '律师未在期限内答复',
  'case.offer.withdraw': '无律师可邀请，转调度员直接指派',
  'case.file_reading.request': '申请阅卷',
  'case.file_reading.update': '安排阅卷',
  'case.close': '结案',
  'hearing.add': '登记庭审',
  'hearing.update': '变更庭审',
  'objection.file': '提出异议',
  'objection.decide': '异议决定',
};

/**
 * The duty roster's hard rules (DESIGN rule 10) and the conflicts of changing a shift, in
 * words: what a refused override, swap or draft change answers, and why a lawyer is not
 * offered for a slot.
 */
export const SHIFT_RULE_LABELS = {
  UNAVAILABLE: '该律师当天请假，不能值班',
  OVERLAPPING_SHIFT: '该律师同一时段已有其他值班',
  NOT_ELIGIBLE_FOR_STATION: '该律师不是本值班点的在岗律师',
  SHIFT_CHANGED: '该班次刚被他人调整，请刷新后重试',
  SHIFT_NOT_PUBLISHED: '草稿中的班次请在排班表中调整',
  ROSTER_OVERLAPS_PUBLISHED: '与本值班点已发布的排班表期间重叠，不能发布',
  ROSTER_ALREADY_PUBLISHED: '该排班表已发布',
  ROSTER_PUBLISHED: '已发布的排班表不能删除，请逐个调整班次',
  SWAP_PENDING: '该班次已有待处理的换班申请',
  SWAP_NOT_PENDING: '该换班申请已处理',
} as const;

/** Why the generator left a slot empty. */
export const UNFILLED_REASON_LABELS = {
  NO_LAWYERS: '值班点没有在岗律师',
  NO_ELIGIBLE_LAWYER: '当天没有可排的律师（请假或时间冲突）',
} as const;

export const ROSTER_STATUS_LABELS = { draft: '草稿', published: '已发布' } as const;

/** What changed a shift (audit actions shown on the roster page). */
export const SHIFT_CHANGE_LABELS = { 'shift.override': '调度员调整', 'shift.swap': '律师换班' } as const;

/** Attendance of a shift in the duty ledger (src/ledger/domain/duty-rules.ts). */
export const ATTENDANCE_LABELS = {
  on_time: '准时',
  late: '迟到',
  missing: '缺勤',
  unfilled: '无人值班',
  upcoming: '未开始',
  awaiting: '待签到',
  not_arrived: '未到岗',
} as const;

/** The legal help a duty lawyer gives (Art 2; 法律援助值班律师工作办法 2020 Art 6), as the paper ledger words it. */
export const HELP_TYPE_LABELS = {
  procedural_advice: '法律咨询、程序选择建议',
  plea_presence: '认罪认罚具结书签署在场',
  coercive_measure_change: '申请变更强制措施',
  bail: '申请取保候审',
  file_reading_advice: '阅卷建议',
  other: '其他',
} as const;

/** Where a day's working status comes from (src/workdays/domain/workday-calendar.ts). */
export const WORKDAY_SOURCE_LABELS = {
  override: '人工调整',
  arrangement: '录入的年度安排',
  data: '官方节假日数据',
  'weekend-fallback': '暂按周一至周五',
} as const;

/**
 * What a lawyer's own actions are refused with (the duty ledger's rules, Art 2; swaps; acting
 * for oneself): the codes of src/ledger, src/stations/swaps.service.ts and src/common/actor.ts.
 */
export const LAWYER_ACTION_LABELS = {
  SHIFT_NOT_STARTED: '班次尚未开始：签到在开始前一小时内开放，法律帮助在班次开始后记录',
  SHIFT_ENDED: '班次已结束，不能再签到；如需补录请联系调度员',
  ALREADY_CHECKED_IN: '本班次已签到，无需重复签到',
  ALREADY_CHECKED_OUT: '本班次已签退',
  NOT_CHECKED_IN: '请先签到，再签退',
  NOT_SHIFT_HOLDER: '只有本班次的值班律师可以记录',
  NOT_ON_SHIFT: '只有当前在班的值班律师可以查看待处理的法律帮助',
  DAY_SIGNED_OFF: '当日台账已签字确认，不能再修改；如需更正请提交更正记录',
  DAY_NOT_OVER: '当日最后一个班次结束后才能签字确认',
  SHIFT_STILL_OPEN: '请先签退当日所有班次，再签字确认',
  ALREADY_SIGNED_OFF: '当日台账已签字确认',
  ALREADY_CORRECTED: '该记录已被更正，请更正最新的一条',
  NOT_RECORD_OWNER: '只能修改本人的记录',
  SHIFT_STARTED: '班次已开始，不能再换班',
  SWAP_STALE: '该班次已换人，这个换班申请已失效',
  SHIFT_UNFILLED: '该班次无人值班，由调度员安排',
  NOT_OWN_LAWYER_ID: '只能办理本人的事项',
  NOT_A_LAWYER: '当前账号未关联律师，不能使用律师页面',
  NOT_STATION_MEMBER: '只能查看本人所在值班点的同事',
} as const;

/** A swap request's state (src/stations/swap-request.entity.ts). */
export const SWAP_STATUS_LABELS = { pending: '待答复', accepted: '已接受', declined: '已拒绝', cancelled: '已撤回' } as const;

/** What the audit trail records things about (the console's /audit filter). */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  case: '案件',
  lawyer: '律师',
  shift: '班次',
  roster: '排班表',
  station: '值班点',
  help_record: '法律帮助记录',
  ledger_signoff: '台账签字确认',
  notification: '邮件',
  user: '用户',
  workday: '工作日调整',
  workday_arrangement: '年度节假日安排',
};

/** Every action the audit trail records, in words (the case page's history is a part of it). */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  ...CASE_AUDIT_LABELS,
  ...SHIFT_CHANGE_LABELS,
  'auth.login': '登录',
  'auth.locked': '多次登录失败，账号暂时锁定',
  'auth.password.change': '修改本人密码',
  'calendar.token.issue': '生成日历订阅链接',
  'calendar.token.revoke': '停用日历订阅链接',
  'help_record.create': '登记法律帮助',
  'help_record.update': '修改法律帮助记录',
  'help_record.correct': '更正法律帮助记录',
  'lawyer.create': '新增律师',
  'lawyer.import': '批量导入律师',
  'lawyer.update': '修改律师信息',
  'lawyer.unavailability.add': '登记请假',
  'lawyer.unavailability.remove': '撤销请假',
  'ledger.check_in': '签到',
  'ledger.check_out': '签退',
  'ledger.duty_backfill': '补录签到签退',
  'ledger.duty_correction': '更正签到签退时间',
  'ledger.sign_off': '台账签字确认',
  'notification.resend': '重发邮件',
  'roster.generate': '生成排班表',
  'roster.publish': '发布排班表',
  'roster.discard': '删除排班草稿',
  'station.create': '新增值班点',
  'station.update': '修改值班点',
  'swap.request': '申请换班',
  'swap.decline': '拒绝换班',
  'swap.cancel': '撤回换班申请',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.password.set': '重置密码',
  'user.token.issue': '签发接口令牌',
  'user.token.revoke': '停用接口令牌',
  'user.token.rotate': '更换接口令牌',
  'workday.override.set': '调整工作日',
  'workday.override.remove': '撤销工作日调整',
  'workday.arrangement.set': '录入年度节假日安排',
};
