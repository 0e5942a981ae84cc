import { HELP_TYPE_LABELS } from '../../shared/labels';

/**
 * The fixed list of legal help a duty lawyer gives (Art 2; 法律援助值班律师工作办法 2020 Art 6),
 * with the words the paper ledger uses. The codes are the API's `helpType` values.
 */
export { HELP_TYPE_LABELS };

export type HelpType = keyof typeof HELP_TYPE_LABELS;
export const HELP_TYPES = Object.keys(HELP_TYPE_LABELS) as HelpType[];
