/**
 * Console pages that mails and calendar entries link to (the route map agreed for web/):
 * each recipient gets a page their role can open, never a raw /api/v1 address.
 */
export const CONSOLE_ROUTES = {
  /** A lawyer's own case: deadlines, hearings, the appointment letter. */
  lawyerCase: (caseId: string): string => `/me/cases/${caseId}`,
  /** The center's (dispatcher's) case page: the pick, offers, the letter. */
  centerCase: (caseId: string): string => `/cases/${caseId}`,
  /** A lawyer's shifts, with check-in / check-out. */
  lawyerShifts: '/me/shifts',
  /** Swap offers made to and by the lawyer. */
  lawyerSwaps: '/me/swaps',
} as const;
