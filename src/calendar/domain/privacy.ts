import { surnameOnly } from '../../common/privacy';

/**
 * Art 23 (juvenile records) and DESIGN rule 12: feeds name a case by its number; an adult
 * defendant appears at most as a surname initial the way published judgments do (张某), a
 * juvenile defendant not at all. ID numbers, addresses and charges never reach a feed.
 */
export function defendantInitial(c: { defendantName: string; juvenile: boolean }): string | null {
  if (c.juvenile) return null;
  const first = [...c.defendantName.trim()][0];
  if (!first) return null;
  // Han characters: surname + 某; Latin and other scripts: an initial with a full stop.
  return /\p{Script=Han}/u.test(first) ? surnameOnly(c.defendantName) : `${first.toUpperCase()}.`;
}
