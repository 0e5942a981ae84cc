import { DataSource } from 'typeorm';
import { iso, newId } from '../../src/database/columns';
import { Station } from '../../src/stations/station.entity';

let seq = 0;

/**
 * A station row inserted straight through the app's DataSource, for suites that need one
 * before the stations API exists (or without going through it). Templates 09:00–12:00, 13:30–17:00.
 */
export async function createStation(ds: DataSource, overrides: Partial<Station> = {}): Promise<Station> {
  seq += 1;
  const now = iso(new Date());
  const station: Station = {
    id: newId(),
    name: `溧阳法院值班点${seq}`,
    courtName: '溧阳市人民法院',
    timezone: 'Asia/Shanghai',
    shiftTemplates: [
      { name: '上午', start: '09:00', end: '12:00' },
      { name: '下午', start: '13:30', end: '17:00' },
    ],
    workdaysOnly: true,
    fallbackPhone: '0519-87000000',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
  await ds.getRepository(Station).insert(station);
  return station;
}
