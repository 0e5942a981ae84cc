import { templateErrors } from './shift-templates';

describe('station shift templates (rule 10: one lawyer per slot, no overlapping slots)', () => {
  it.each([
    [
      'morning and afternoon with a lunch gap',
      [
        ['上午', '09:00', '12:00'],
        ['下午', '13:30', '17:00'],
      ],
      [],
    ],
    [
      'back-to-back slots',
      [
        ['上午', '08:30', '12:00'],
        ['下午', '12:00', '17:30'],
      ],
      [],
    ],
    ['end before start', [['上午', '12:00', '09:00']], ['shiftTemplates.0.end']],
    ['zero-length slot', [['上午', '09:00', '09:00']], ['shiftTemplates.0.end']],
    [
      'overlapping slots, given out of order',
      [
        ['下午', '11:00', '17:00'],
        ['上午', '09:00', '12:00'],
      ],
      ['shiftTemplates.0.start'],
    ],
    [
      'duplicate names',
      [
        ['班', '09:00', '12:00'],
        ['班', '13:00', '17:00'],
      ],
      ['shiftTemplates.1.name'],
    ],
  ])('%s', (_name, rows, fields) => {
    const templates = rows.map(([name, start, end]) => ({ name, start, end }));
    expect(templateErrors(templates).map((e) => e.field)).toEqual(fields);
  });
});
