/** Art 17: the grounds on which legal aid ends — one list for the case rules and the mails. */
export const TERMINATION_GROUND_CODES = [
  'self_retained',
  'defendant_request',
  'case_closed',
  'concealment',
  'illegal_use',
  'other_law',
] as const;
export type TerminationGroundCode = (typeof TERMINATION_GROUND_CODES)[number];
