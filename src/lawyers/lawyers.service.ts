import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { type Actor, assertSelfOrStaff } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, invalid, notFound } from '../common/errors';
import { chunks, insertRows, iso, newId } from '../database/columns';
import { rankFields, refreshScores, syncRanks } from './lawyer-rank';
import { Transactions } from '../database/transactions';
import { DutyStations } from './duty-stations';
import { parseLawyerCsv } from './domain/lawyer-csv';
import { CreateLawyerDto, LawyerFieldsDto, LawyerQueryDto, UnavailabilityDto, UpdateLawyerDto } from './dto/lawyer.dto';
import { Lawyer } from './lawyer.entity';
import { moveClasses } from './lawyer-classes';
import { Unavailability } from './unavailability.entity';
import { findForUpdate } from '../database/locking';
import { feedsChanged } from '../feed-versions/feed-versions';

export type LawyerView = Lawyer & { dutyStationIds: string[] };

/** A weekday cannot be both blocked and preferred. */
function checkWeekdays(l: Pick<Lawyer, 'blockedWeekdays' | 'preferredWeekdays'>): void {
  const both = l.preferredWeekdays.filter((d) => l.blockedWeekdays.includes(d));
  if (both.length) throw badRequest('preferredWeekdays', `weekday ${both.join(', ')} is also in blockedWeekdays`);
}

@Injectable()
export class LawyersService {
  constructor(
    @InjectRepository(Lawyer) private readonly lawyers: Repository<Lawyer>,
    @InjectRepository(Unavailability) private readonly leave: Repository<Unavailability>,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly stations: DutyStations,
  ) {}

  async create(dto: CreateLawyerDto, actor: Actor): Promise<LawyerView> {
    return this.tx.run(async (m) => {
      if (await m.existsBy(Lawyer, { licenseNo: dto.licenseNo })) {
        throw conflict('LICENSE_NO_TAKEN', `licenseNo ${dto.licenseNo} is already in the pool`);
      }
      const lawyer = this.newLawyer(dto);
      checkWeekdays(lawyer);
      await insertRows(m, Lawyer, lawyer);
      await moveClasses(m, [{ before: null, after: lawyer }]);
      await syncRanks(m, lawyer);
      await this.setStations(m, lawyer.id, dto.dutyStationIds ?? []);
      await this.audit.record(m, actor, 'lawyer.create', 'lawyer', lawyer.id, { ...dto });
      return { ...lawyer, dutyStationIds: dto.dutyStationIds ?? [] };
    });
  }

  async list(q: LawyerQueryDto): Promise<{ items: LawyerView[]; total: number }> {
    const qb = this.lawyers.createQueryBuilder('l');
    if (q.active !== undefined) qb.andWhere('l.active = :active', { active: q.active });
    if (q.juvenileExperience !== undefined) qb.andWhere('l.juvenile_experience = :j', { j: q.juvenileExperience });
    if (q.poolTier) qb.andWhere('l.pool_tier = :tier', { tier: q.poolTier });
    if (q.stationId) {
      qb.andWhere('l.id IN (SELECT sm.lawyer_id FROM station_members sm WHERE sm.station_id = :sid)', { sid: q.stationId });
    }
    if (q.q) {
      const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("LOWER(l.name) LIKE :like ESCAPE '\\'", { like })
            .orWhere("l.license_no LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(l.firm) LIKE :like ESCAPE '\\'", { like }),
        ),
      );
    }
    const [rows, total] = await qb
      .orderBy('l.name', 'ASC')
      .addOrderBy('l.license_no', 'ASC')
      .take(q.limit)
      .skip(q.offset)
      .getManyAndCount();
    return { items: await this.withStations(rows), total };
  }

  async get(id: string): Promise<LawyerView> {
    const lawyer = await this.lawyers.findOneBy({ id });
    if (!lawyer) throw notFound('Lawyer', id);
    return (await this.withStations([lawyer]))[0];
  }

  async update(id: string, dto: UpdateLawyerDto, actor: Actor): Promise<LawyerView> {
    return this.tx.run(async (m) => {
      const lawyer = await findForUpdate(m, Lawyer, { id });
      if (!lawyer) throw notFound('Lawyer', id);
      const before = { ...lawyer };
      const { dutyStationIds, ...fields } = dto;
      if (fields.suspended === true && !fields.suspensionReason && !lawyer.suspensionReason) {
        throw badRequest('suspensionReason', 'is required when suspending a lawyer');
      }
      if (fields.suspended === false) fields.suspensionReason = undefined;
      Object.assign(lawyer, fields, { updatedAt: iso(this.clock.now()) });
      if (fields.suspended === false) lawyer.suspensionReason = null;
      checkWeekdays(lawyer);
      await m.save(Lawyer, lawyer);
      await feedsChanged(m, { lawyers: [id], everyStation: true });
      await moveClasses(m, [{ before, after: lawyer }]);
      await syncRanks(m, lawyer);
      if (dutyStationIds) await this.setStations(m, id, dutyStationIds);
      await this.audit.record(m, actor, 'lawyer.update', 'lawyer', id, { ...dto });
      return { ...lawyer, dutyStationIds: dutyStationIds ?? (await this.stations.of(m, [id])).get(id) ?? [] };
    });
  }

  /**
   * Upserts every row by licenseNo in one transaction. Any bad row (field, duplicate,
   * unknown station) → nothing written and every bad row reported.
   */
  async importCsv(text: string, actor: Actor) {
    const { rows, errors } = parseLawyerCsv(text);
    const stationIds = [...new Set(rows.flatMap((r) => r.lawyer.dutyStationIds ?? []))];
    const unknown = new Set(await this.tx.run((m) => this.stations.unknown(m, stationIds)));
    for (const { row, lawyer } of rows) {
      for (const sid of lawyer.dutyStationIds ?? []) {
        if (unknown.has(sid)) errors.push({ row, field: 'dutyStationIds', reason: `no station ${sid}` });
      }
    }
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      return { created: 0, updated: 0, errors };
    }
    return this.tx.run(
      async (m) => {
        const existing = new Map<string, Lawyer>();
        for (const part of chunks(rows.map((r) => r.lawyer.licenseNo))) {
          (await m.findBy(Lawyer, { licenseNo: In(part) })).forEach((l) => existing.set(l.licenseNo, l));
        }
        const now = iso(this.clock.now());
        const fresh: Lawyer[] = [];
        const memberships: { stationId: string; lawyerId: string }[] = [];
        let updated = 0;
        const rescored: string[] = [];
        const moved: Parameters<typeof moveClasses>[1] = [];
        for (const { lawyer: dto } of rows) {
          const { dutyStationIds: _ignored, ...fields } = dto;
          const old = existing.get(dto.licenseNo);
          if (old) {
            await m.update(Lawyer, { id: old.id }, { ...fields, ...rankFields({ ...old, ...fields }), updatedAt: now });
            rescored.push(old.id);
            moved.push({
              before: old,
              after: {
                ...old,
                active: fields.active ?? old.active,
                juvenileExperience: fields.juvenileExperience ?? old.juvenileExperience,
              },
            });
            if (dto.dutyStationIds) await this.setStations(m, old.id, dto.dutyStationIds);
            updated++;
          } else {
            const lawyer = this.newLawyer(dto);
            fresh.push(Object.assign(lawyer, rankFields(lawyer)));
            moved.push({ before: null, after: lawyer });
            for (const stationId of new Set(dto.dutyStationIds ?? [])) memberships.push({ stationId, lawyerId: lawyer.id });
          }
        }
        await refreshScores(m, rescored);
        await feedsChanged(m, { lawyers: rescored, everyStation: rescored.length > 0 });
        for (const part of chunks(fresh)) await insertRows(m, Lawyer, part);
        await moveClasses(m, moved);
        await this.stations.add(m, memberships);
        await this.audit.record(m, actor, 'lawyer.import', 'lawyer', 'import', { created: fresh.length, updated });
        return { created: fresh.length, updated, errors: [] };
      },
      { retryUniqueViolation: true },
    ); // a concurrent import inserted a licence first: rerun, and update it
  }

  /**
   * Leave added after a roster was published does not move the shifts it covers (a dispatcher
   * decides who takes them), so the answer names them as a warning instead of staying silent.
   */
  async addUnavailability(lawyerId: string, dto: UnavailabilityDto, actor: Actor) {
    assertSelfOrStaff(actor, lawyerId, 'report leave');
    if (dto.to < dto.from) throw invalid([{ field: 'to', reason: 'must not be before from' }]);
    return this.tx.run(async (m) => {
      if (!(await m.existsBy(Lawyer, { id: lawyerId }))) throw notFound('Lawyer', lawyerId);
      const entry = m.create(Unavailability, {
        id: newId(),
        lawyerId,
        from: dto.from,
        to: dto.to,
        reason: dto.reason,
        createdAt: iso(this.clock.now()),
      });
      await m.insert(Unavailability, entry);
      await this.audit.record(m, actor, 'lawyer.unavailability.add', 'lawyer', lawyerId, { ...dto, id: entry.id });
      return { ...entry, warnings: await this.leaveWarnings(m, entry) };
    });
  }

  /** Each entry with the published shifts the lawyer still holds in it, so the dispatcher sees leave a lawyer reported themselves. */
  async listUnavailability(lawyerId: string, actor: Actor) {
    assertSelfOrStaff(actor, lawyerId, 'read leave');
    await this.get(lawyerId);
    const m = this.leave.manager;
    const entries = await m.find(Unavailability, { where: { lawyerId }, order: { from: 'ASC' } });
    const listed = [];
    for (const entry of entries) listed.push({ ...entry, warnings: await this.leaveWarnings(m, entry) });
    return listed;
  }

  /** PUBLISHED_SHIFTS_DURING_LEAVE: leave does not move published shifts; the dispatcher reassigns them. */
  private async leaveWarnings(m: EntityManager, entry: Unavailability) {
    const covered = await this.stations.publishedShiftsDuring(m, entry.lawyerId, entry.from, entry.to);
    if (covered.length === 0) return [];
    return [
      {
        code: 'PUBLISHED_SHIFTS_DURING_LEAVE',
        message: `${covered.length} published shift(s) fall in this leave: reassign them (PATCH /api/v1/shifts/:id)`,
        shifts: covered,
      },
    ];
  }

  async removeUnavailability(lawyerId: string, entryId: string, actor: Actor): Promise<void> {
    assertSelfOrStaff(actor, lawyerId, 'withdraw leave');
    await this.tx.run(async (m) => {
      const entry = await m.findOneBy(Unavailability, { id: entryId, lawyerId });
      if (!entry) throw notFound('Unavailability', entryId);
      await m.delete(Unavailability, { id: entryId });
      await this.audit.record(m, actor, 'lawyer.unavailability.remove', 'lawyer', lawyerId, { ...entry });
    });
  }

  private newLawyer(dto: LawyerFieldsDto): Lawyer {
    const now = iso(this.clock.now());
    const { dutyStationIds: _ignored, ...fields } = dto;
    return Object.assign(new Lawyer(), {
      weight: 1,
      maxOpenCases: 10,
      active: true,
      blockedWeekdays: [],
      preferredWeekdays: [],
      ...fields,
      id: newId(),
      openCases: 0,
      suspended: false,
      suspensionReason: null,
      lastAppointedAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  private async setStations(m: EntityManager, lawyerId: string, stationIds: string[]): Promise<void> {
    const missing = await this.stations.unknown(m, stationIds);
    if (missing.length) throw badRequest('dutyStationIds', `no station ${missing.join(', ')}`);
    await this.stations.replace(m, lawyerId, stationIds);
  }

  private async withStations(lawyers: Lawyer[]): Promise<LawyerView[]> {
    const byLawyer = await this.stations.of(
      this.lawyers.manager,
      lawyers.map((l) => l.id),
    );
    return lawyers.map((l) => ({ ...l, dutyStationIds: byLawyer.get(l.id) ?? [] }));
  }
}
