/**
 * The case screens' labels: the shared catalogue (src/shared/labels.ts), plus the exclusion
 * reasons and Art 17 grounds straight from the server's rule tables (pure modules), so the
 * screen and the stored explanation say the same words.
 */
import { EXCLUSION_REASON_INFO } from '../../../src/cases/assignment/domain/exclusion-reasons';
import { TERMINATION_GROUNDS } from '../../../src/cases/domain/case-state';

export * from '../../../src/shared/labels';

export const EXCLUSION_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(EXCLUSION_REASON_INFO).map(([code, info]) => [code, info.label]),
);

export const TERMINATION_LABELS: Readonly<Record<string, string>> = Object.fromEntries(TERMINATION_GROUNDS.map((g) => [g.code, g.label]));
