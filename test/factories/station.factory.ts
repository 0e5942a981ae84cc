import type { Station } from '../../src/stations/station.entity';
import type { TestApp } from '../helpers/app';

let seq = 0;

const TEMPLATES = [
  { name: '上午', start: '09:00', end: '12:00' },
  { name: '下午', start: '13:30', end: '17:00' },
];

/** A station created through the stations API (as admin); templates 09:00–12:00, 13:30–17:00. */
export async function createStation(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Station> {
  const res = await t.admin.post('/api/v1/stations').send(stationBody(overrides)).expect(201);
  return res.body as Station;
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
    const res = await dispatcher
      .post('/api/v1/lawyers')
      .send(lawyerBody({ dutyStationIds: [station.body.id] }))
      .expect(201);
    lawyers.push(res.body);
  }
  return { stationId: station.body.id, lawyers };
}
