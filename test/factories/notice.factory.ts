import { DataSource } from 'typeorm';
import { newId } from '../../src/database/columns';
import { Station } from '../../src/stations/station.entity';
import type { TestApp } from '../helpers/app';

let seq = 0;
const base = Math.floor(Math.random() * 1e6);

/**
 * A duty station written straight to the database: the stations API lives in another
 * module; a case only needs the row its notice points at.
 */
export async function createStation(t: TestApp, overrides: Partial<Station> = {}): Promise<Station> {
  const station: Station = {
    id: newId(),
    name: '溧阳市人民法院值班律师工作站',
    courtName: '溧阳市人民法院',
    timezone: 'Asia/Shanghai',
    shiftTemplates: [{ name: '上午', start: '09:00', end: '12:00' }],
    workdaysOnly: true,
    fallbackPhone: '0519-87000000',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
  await t.app.get(DataSource).manager.insert(Station, station);
  return station;
}

/** A complete POST /api/v1/court-notices body (ordinary procedure, adult, detained); every call a new case number. */
export function noticeBody(stationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  const { defendant, ...rest } = overrides;
  return {
    courtCaseNo: `（2026）苏0481刑初${base + seq}号`,
    courtName: '溧阳市人民法院',
    stationId,
    procedure: 'ordinary',
    charges: ['盗窃罪'],
    possibleSentence: 'ordinary',
    offenceDate: '2026-05-01',
    defendant: {
      name: `张${seq}`,
      birthDate: '1990-03-15',
      gender: 'male',
      detained: true,
      detentionPlace: '溧阳市看守所',
      ...(defendant as object),
    },
    judge: { name: '李法官', phone: '0519-87000001' },
    trialAt: '2026-10-30T09:00:00+08:00',
    trialPlace: '第三法庭',
    indictmentAttached: true,
    ...rest,
  };
}
