/**
 * The fixed list of legal help a duty lawyer gives (Art 2; 法律援助值班律师工作办法 2020 Art 6),
 * with the words the paper ledger uses. The codes are the API's `helpType` values.
 */
export const HELP_TYPE_LABELS = {
  procedural_advice: '法律咨询、程序选择建议',
  plea_presence: '认罪认罚具结书签署在场',
  coercive_measure_change: '申请变更强制措施',
  bail: '申请取保候审',
  file_reading_advice: '阅卷建议',
  other: '其他',
} as const;

export type HelpType = keyof typeof HELP_TYPE_LABELS;
export const HELP_TYPES = Object.keys(HELP_TYPE_LABELS) as HelpType[];
