import { containsIdNumber, helpTimeErrors } from './help-record-rules';

describe('containsIdNumber (DESIGN rule 12: no ID numbers in the ledger)', () => {
  it.each([
    ['an 18-digit ID number', '身份证320481199001011234已核对', true],
    ['one ending in X', 'ID 32048120051231123X', true],
    ['a 17-digit lawyer licence number', '执业证13204201510123456', false],
    ['a court case number', '（2026）苏0481刑初123号', false],
    ['a phone number', '13800001234', false],
    ['a longer digit run', '3204811990010112345', false],
  ])('%s', (_, text, expected) => {
    expect(containsIdNumber(text)).toBe(expected);
  });
});

describe('helpTimeErrors (Art 2: help recorded within the shift day)', () => {
  const now = new Date('2026-10-12T10:00:00Z');
  const at = (local: string) => new Date(`${local}+08:00`);
  it.each([
    ['within the day', '2026-10-12T09:30:00', '2026-10-12T10:00:00', []],
    ['end before start', '2026-10-12T10:00:00', '2026-10-12T09:30:00', ['endedAt']],
    ['end equal to start', '2026-10-12T10:00:00', '2026-10-12T10:00:00', ['endedAt']],
    ['start on the day before', '2026-10-11T23:30:00', '2026-10-12T09:30:00', ['startedAt']],
    ['end on the next day', '2026-10-12T23:30:00', '2026-10-13T00:10:00', ['endedAt']],
    ['end in the future', '2026-10-12T17:00:00', '2026-10-12T18:30:00', ['endedAt']],
  ])('%s', (_, start, end, fields) => {
    expect(helpTimeErrors(at(start), at(end), '2026-10-12', 'Asia/Shanghai', now).map((e) => e.field)).toEqual(fields);
  });
});
