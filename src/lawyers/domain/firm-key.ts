/**
 * Firm names are typed by hand in several places (lawyer records, CSV imports): NFKC folds
 * full-width brackets and letters (（） vs ()), and whitespace is dropped, so 「某某律师事务所」
 * written two ways is still one firm. An empty name matches nothing. Stored beside the name
 * (`lawyers.firm_key`) so the pick's counts can apply the same-firm rule in SQL.
 */
export function firmKey(firm: string): string {
  return firm.normalize('NFKC').replace(/\s+/g, '');
}
