import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { invalid, notFound } from '../common/errors';
import { daysBetween, eachDate, LocalDate } from '../common/local-date';
import { iso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { arrangementErrors } from './domain/arrangement';
import { CalendarDataWarning, DayDescription, WorkdayCalendar } from './domain/workday-calendar';
import { WorkdayOverrideDto, YearArrangementDto } from './dto/workday.dto';
import { WorkdayArrangement } from './workday-arrangement.entity';
import { WorkdayOverride } from './workday-override.entity';

/** A calendar listing is for a screen: at most a bit over two years at once. */
const MAX_LISTED_DAYS = 800;
/** Two requests setting the same new date (or year) both insert: the loser runs again and replaces the winner's row. */
const REPLACES = { retryUniqueViolation: true };

export interface WorkdaysListing {
  from: LocalDate;
  to: LocalDate;
  days: DayDescription[];
  warnings: CalendarDataWarning[];
}

/**
 * The official working-day calendar (chinese-days data) corrected by the admins' overrides.
 * Built afresh from the database on each call, so every app instance answers alike.
 */
@Injectable()
export class WorkdaysService {
  constructor(
    @InjectRepository(WorkdayOverride) private readonly overrides: Repository<WorkdayOverride>,
    @InjectRepository(WorkdayArrangement) private readonly arrangements: Repository<WorkdayArrangement>,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The calendar rules use (roster days, statutory periods): package data, entered yearly
   * arrangements, overrides. Inside a transaction pass its manager: a global read there waits
   * for a second pooled connection, and with every connection held by such transactions
   * PostgreSQL froze. One read after the other: inside a transaction they share one connection.
   */
  async calendar(m: EntityManager = this.overrides.manager): Promise<WorkdayCalendar> {
    const rows = await m.find(WorkdayOverride, { order: { date: 'ASC' } });
    const years = await m.find(WorkdayArrangement);
    return new WorkdayCalendar(
      rows.map((r) => ({ date: r.date, workday: r.workday, note: r.note })),
      years,
    );
  }

  async describe(from: LocalDate, to: LocalDate): Promise<WorkdaysListing> {
    if (to < from) throw invalid([{ field: 'to', reason: 'must not be before from' }]);
    if (daysBetween(from, to) >= MAX_LISTED_DAYS) throw invalid([{ field: 'to', reason: `at most ${MAX_LISTED_DAYS} days at once` }]);
    const calendar = await this.calendar();
    const warning = calendar.coverageWarning(from, to);
    return { from, to, days: eachDate(from, to).map((d) => calendar.describe(d)), warnings: warning ? [warning] : [] };
  }

  listOverrides(): Promise<WorkdayOverride[]> {
    return this.overrides.find({ order: { date: 'ASC' } });
  }

  /** Sets (or replaces) the override of a date. */
  async setOverride(dto: WorkdayOverrideDto, actor: Actor): Promise<WorkdayOverride> {
    return this.tx.run(async (m) => {
      const row = m.create(WorkdayOverride, { ...dto, createdAt: iso(this.clock.now()), createdBy: actor.id });
      const before = await m.findOneBy(WorkdayOverride, { date: dto.date });
      await m.save(WorkdayOverride, row);
      await this.audit.record(m, actor, 'workday.override.set', 'workday', dto.date, { ...dto, before });
      return row;
    }, REPLACES);
  }

  async removeOverride(date: LocalDate, actor: Actor): Promise<void> {
    await this.tx.run(async (m) => {
      const row = await m.findOneBy(WorkdayOverride, { date });
      if (!row) throw notFound('WorkdayOverride', date);
      await m.delete(WorkdayOverride, { date });
      await this.audit.record(m, actor, 'workday.override.remove', 'workday', date, { ...row });
    });
  }

  listArrangements(): Promise<WorkdayArrangement[]> {
    return this.arrangements.find({ order: { year: 'ASC' } });
  }

  async arrangement(year: number): Promise<WorkdayArrangement> {
    const row = await this.arrangements.findOneBy({ year });
    if (!row) throw notFound('WorkdayArrangement', String(year));
    return row;
  }

  /** Enters (or replaces) a year's arrangement in one step, validated as a whole (rule 7), audited with what it replaced. */
  async setArrangement(dto: YearArrangementDto, actor: Actor): Promise<WorkdayArrangement> {
    const errors = arrangementErrors(dto);
    if (errors.length) throw invalid(errors);
    return this.tx.run(async (m) => {
      const row = m.create(WorkdayArrangement, {
        year: dto.year,
        festivals: [...dto.festivals].sort((a, b) => a.from.localeCompare(b.from)).map(({ name, from, to }) => ({ name, from, to })),
        workdays: [...dto.workdays].sort(),
        createdAt: iso(this.clock.now()),
        createdBy: actor.id,
      });
      const before = await m.findOneBy(WorkdayArrangement, { year: dto.year });
      await m.save(WorkdayArrangement, row);
      await this.audit.record(m, actor, 'workday.arrangement.set', 'workday_arrangement', String(dto.year), {
        festivals: row.festivals,
        workdays: row.workdays,
        before,
      });
      return row;
    }, REPLACES);
  }
}
