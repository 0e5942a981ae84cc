/**
 * Two-character surnames, so that 欧阳明 becomes 欧阳某 rather than 欧某 (the form court
 * documents use). Single-character surnames need no list.
 */
const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙',
  '宇文', '司徒', '司空', '夏侯', '令狐', '端木', '轩辕', '独孤', '南宫', '西门',
];

/**
 * The defendant's name as mails and feeds may show it. Art 23 and the juvenile-record
 * rules: a juvenile's name never leaves the case file, only the surname + 某 (张某).
 */
export function defendantDisplayName(name: string, juvenile: boolean): string {
  const trimmed = name.trim();
  if (!juvenile) return trimmed;
  const compound = COMPOUND_SURNAMES.find((s) => trimmed.startsWith(s) && trimmed.length > s.length);
  const surname = compound ?? Array.from(trimmed)[0] ?? '';
  return `${surname}某`;
}
