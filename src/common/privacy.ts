/**
 * Two-character surnames, so that 欧阳明 becomes 欧阳某 rather than 欧某 (the form court
 * documents use). Single-character surnames need no list.
 */
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '夏侯',
  '令狐',
  '端木',
  '轩辕',
  '独孤',
  '南宫',
  '西门',
];

/**
 * A name reduced to its surname + 某 (张某, 欧阳某), the way court documents and published
 * judgments show a person they do not name (Art 23; DESIGN rule 12). Mails and feeds both use it.
 */
export function surnameOnly(name: string): string {
  const trimmed = name.trim();
  const compound = COMPOUND_SURNAMES.find((s) => trimmed.startsWith(s) && trimmed.length > s.length);
  const surname = compound ?? Array.from(trimmed)[0] ?? '';
  return `${surname}某`;
}
