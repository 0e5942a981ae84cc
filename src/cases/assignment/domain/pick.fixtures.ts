import type { CandidateLawyer, PickRequest } from './types';

/** Test fixtures for the pick's specs: an eligible core-pool lawyer and a plain request. */
export const candidate = (id: string, o: Partial<CandidateLawyer> = {}): CandidateLawyer => ({
  id,
  name: `律师${id}`,
  firm: `${id}律师事务所`,
  active: true,
  juvenileExperience: true,
  criminalPracticeSince: '2010-01-01',
  poolTier: 'core',
  weight: 1,
  maxOpenCases: 10,
  openCases: 0,
  recentAppointments: 0,
  lastAppointedAt: null,
  unavailable: [],
  stableKey: id,
  ...o,
});

export const pickRequest = (o: Partial<PickRequest> = {}): PickRequest => ({
  appointmentDate: '2026-10-10',
  requiresJuvenileExperience: false,
  requiresSeniorLawyer: false,
  refusedLawyerIds: [],
  coDefendantLawyerIds: [],
  coDefendantFirms: [],
  ...o,
});
