import { surnameOnly } from '../../common/privacy';

/**
 * The defendant's name as mails may show it. Art 23 and the juvenile-record rules: a
 * juvenile's name never leaves the case file, only the surname + 某 (张某).
 */
export function defendantDisplayName(name: string, juvenile: boolean): string {
  return juvenile ? surnameOnly(name) : name.trim();
}

/**
 * Free text a dispatcher typed (a termination note, a re-appointment reason) with a juvenile's
 * name in it: every occurrence of the full name, and of the given name where it has two or more
 * characters, becomes surname + 某 before it goes into a mail. An adult's text is left as typed.
 */
export function maskDefendantIn(text: string, name: string, juvenile: boolean): string {
  const full = name.trim();
  if (!juvenile || !full) return text;
  const masked = surnameOnly(full);
  const surname = masked.slice(0, -1);
  const given = full.slice(surname.length);
  const names = [full, ...(Array.from(given).length >= 2 ? [given] : [])];
  return names.reduce((t, n) => t.split(n).join(masked), text);
}
