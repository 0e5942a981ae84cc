import { DataSource } from 'typeorm';
import { iso, newId } from '../../src/database/columns';
import { Station } from '../../src/stations/station.entity';

let seq = 0;

const TEMPLATES = [
  { name: '上午', start: '09:00', end: '12:00' },
  { name: '下午', start: '13:30', end: '17:00' },
];

/**
 * A station row inserted straight through the app's DataSource, for suites that need one
 * without going through the stations API. Templates 09:00–12:00, 13:30–17:00.
 */
export async function createStation(ds: DataSource, overrides: Partial<Station> = {}): Promise<Station> {
  seq += 1;
  const now = iso(new Date());
  const station: Station = {
    id: newId(),
    name: `溧阳法院值班点${seq}`,
    courtName: '溧阳市人民法院',
    timezone: 'Asia/Shanghai',
    shiftTemplates: TEMPLATES,
    workdaysOnly: true,
    fallbackPhone: '0519-87000000',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await ds.getRepository(Station).insert(station);
  return station;
}

/** A valid POST /api/v1/stations body: a morning and an afternoon slot with a lunch gap. */
export function stationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    name: `刑事值班点${seq}`,
    courtName: '溧阳市人民法院',
    shiftTemplates: TEMPLATES,
    fallbackPhone: '0519-12348',
    ...overrides,
  };
}

export interface LawyerRef {
  id: string;
  name: string;
  phone: string;
  licenseNo: string;
  email: string;
}

type Agent = { post(url: string): import('supertest').Test };

/** A station with `members` active member lawyers, created through the API. */
export async function stationWithLawyers(
  dispatcher: Agent,
  members: number,
  lawyerBody: (o?: Record<string, unknown>) => Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Promise<{ stationId: string; lawyers: LawyerRef[] }> {
  const station = await dispatcher.post('/api/v1/stations').send(stationBody(overrides)).expect(201);
  const lawyers: LawyerRef[] = [];
  for (let i = 0; i < members; i++) {
    const res = await dispatcher.post('/api/v1/lawyers').send(lawyerBody({ dutyStationIds: [station.body.id] })).expect(201);
    lawyers.push(res.body);
  }
  return { stationId: station.body.id, lawyers };
}
