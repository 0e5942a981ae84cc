import type { FieldError } from '../../common/errors';

export interface TemplateTimes {
  name: string;
  start: string;
  end: string;
}

/**
 * A station's templates must be distinct, end after they start on the same day (court
 * duty desks keep office hours) and not overlap: one desk, one lawyer at a time, so
 * "who is on duty at t" has one answer.
 */
export function templateErrors(templates: TemplateTimes[]): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  templates.forEach((t, i) => {
    if (names.has(t.name)) errors.push({ field: `shiftTemplates.${i}.name`, reason: `duplicate template name ${t.name}` });
    names.add(t.name);
    if (t.end <= t.start) errors.push({ field: `shiftTemplates.${i}.end`, reason: 'must be after start on the same day' });
  });
  const sorted = [...templates].map((t, i) => ({ ...t, i })).sort((a, b) => a.start.localeCompare(b.start));
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].start < sorted[k - 1].end) {
      errors.push({ field: `shiftTemplates.${sorted[k].i}.start`, reason: `overlaps template ${sorted[k - 1].name}` });
    }
  }
  return errors;
}
