import { NoticeDefendant } from './notice.types';

type Identity = Pick<NoticeDefendant, 'name' | 'idNumber' | 'birthDate'>;

const idOf = (d: Identity) => d.idNumber?.trim().toUpperCase() || undefined;

/**
 * The same person in two notices (SPC CPL interpretation 2021 Art 43 is about two *different*
 * defendants: the same one notified again is not his own co-defendant). The resident ID
 * number decides when both notices carry one; otherwise the name and birth date together.
 */
export function sameDefendant(a: Identity, b: Identity): boolean {
  const [idA, idB] = [idOf(a), idOf(b)];
  if (idA && idB) return idA === idB;
  return a.name.trim() === b.name.trim() && a.birthDate === b.birthDate;
}
