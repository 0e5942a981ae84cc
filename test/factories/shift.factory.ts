import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import { instantAt } from '../../src/common/local-date';
import { iso, newId } from '../../src/database/columns';
import { Roster } from '../../src/stations/roster.entity';
import { Shift } from '../../src/stations/shift.entity';
import { Station } from '../../src/stations/station.entity';

export type ShiftOverrides = Partial<Shift> & { stationId: string; date: string };

/**
 * A shift (published unless told otherwise) inserted straight through the app's DataSource,
 * with a one-day roster of the same status to hold it. `startsAt`/`endsAt` follow from
 * `date`, `startTime`, `endTime` (default 09:00–12:00) in the station's time zone; the template
 * name defaults to the times, so several slots a day do not collide.
 */
export async function createShift(app: INestApplication, overrides: ShiftOverrides): Promise<Shift> {
  const ds = app.get(DataSource);
  const station = await ds.getRepository(Station).findOneByOrFail({ id: overrides.stationId });
  const status = overrides.status ?? 'published';
  const startTime = overrides.startTime ?? '09:00';
  const endTime = overrides.endTime ?? '12:00';
  const now = iso(app.get(Clock).now());
  const roster: Roster = {
    id: newId(),
    stationId: station.id,
    from: overrides.date,
    to: overrides.date,
    status,
    fairness: { min: 0, max: 0, perLawyer: {}, cumulative: {} },
    warnings: [],
    createdAt: now,
    publishedAt: status === 'published' ? now : null,
  };
  await ds.getRepository(Roster).insert(roster);
  const shift: Shift = {
    id: newId(),
    rosterId: roster.id,
    templateName: `${startTime}-${endTime}`,
    lawyerId: null,
    sequence: 0,
    updatedAt: now,
    unfilledReason: null,
    ...overrides,
    status,
    startTime,
    endTime,
    startsAt: iso(instantAt(overrides.date, startTime, station.timezone)),
    endsAt: iso(instantAt(overrides.date, endTime, station.timezone)),
  };
  await ds.getRepository(Shift).insert(shift);
  return shift;
}
