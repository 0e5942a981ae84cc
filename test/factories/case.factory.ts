import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { Case } from '../../src/cases/case.entity';
import { iso, newId } from '../../src/database/columns';

let seq = 0;

/**
 * A case row inserted straight through the app's DataSource. Defaults: a fast-track case
 * routed to duty-lawyer help (Art 2) and waiting in `duty_help`; override anything.
 */
export async function createCase(app: INestApplication, overrides: Partial<Case> & { stationId: string }): Promise<Case> {
  seq += 1;
  const ds = app.get(DataSource);
  const now = iso(app.get(Clock).now());
  const defendantName = overrides.defendantName ?? `被告人${seq}`;
  const row: Case = {
    id: newId(),
    courtCaseNo: `（2026）苏0481刑初${1000 + seq}号`,
    courtName: '溧阳市人民法院',
    procedure: 'fast_track',
    charges: ['危险驾驶罪'],
    possibleSentence: 'ordinary',
    offenceDate: '2026-08-01',
    defendant: { name: defendantName, birthDate: '1990-01-01', detained: true, detentionPlace: '溧阳市看守所' },
    defendantName,
    juvenile: false,
    trialInAbsentia: false,
    deathPenaltyReview: false,
    route: 'duty_lawyer_help',
    routeReason: 'procedure',
    requiresJuvenileExperience: false,
    requiresSeniorLawyer: false,
    status: 'duty_help',
    mandatoryGrounds: [],
    missingFields: [],
    warnings: [],
    judge: { name: '李法官', phone: '0519-87000001' },
    trialAt: null,
    trialPlace: null,
    indictmentAttached: true,
    receivedAt: now,
    relatedCaseNos: [],
    deadlines: { appointBy: '2026-10-15' },
    appointBy: '2026-10-15',
    currentLawyerId: null,
    terminationGround: null,
    terminationNote: null,
    endedAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await ds.getRepository(Case).insert(row);
  return row;
}
