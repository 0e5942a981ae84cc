import { surnameOnly } from '../../common/privacy';

/**
 * The defendant's name as mails may show it. Art 23 and the juvenile-record rules: a
 * juvenile's name never leaves the case file, only the surname + 某 (张某).
 */
export function defendantDisplayName(name: string, juvenile: boolean): string {
  return juvenile ? surnameOnly(name) : name.trim();
}
