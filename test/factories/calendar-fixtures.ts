import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/common/actor';
import { Assignment } from '../../src/cases/assignment/assignment.entity';
import { Case } from '../../src/cases/case.entity';
import { Hearing, HearingKind } from '../../src/cases/hearing.entity';
import { addDays, instantAt } from '../../src/common/local-date';
import { insertRows, iso, newId } from '../../src/database/columns';
import { caseFeedsChanged } from '../../src/cases/case-feeds';
import { feedsChanged } from '../../src/feed-versions/feed-versions';
import type { CreateLawyerDto } from '../../src/lawyers/dto/lawyer.dto';
import type { Lawyer } from '../../src/lawyers/lawyer.entity';
import { LawyersService } from '../../src/lawyers/lawyers.service';
import { Roster } from '../../src/stations/roster.entity';
import { Shift } from '../../src/stations/shift.entity';
import { Station } from '../../src/stations/station.entity';

/**
 * Rows the stations and cases APIs will make (they are built on other branches), inserted
 * straight through the app's DataSource so the calendar can be tested against real tables.
 * Every change bumps `sequence`, `updatedAt` and the feeds' counters (feedsChanged) the way those modules do.
 */
export class CalendarFixtures {
  private readonly ds: DataSource;
  private caseNo = 0;

  constructor(
    private readonly app: INestApplication,
    private readonly now: () => Date,
  ) {
    this.ds = app.get(DataSource);
  }

  /** The one lawyer the feed benchmarks subscribe with, created through the pool's service. */
  benchLawyer(): Promise<Lawyer> {
    const body: CreateLawyerDto = {
      name: '王律师',
      licenseNo: '13204812015000001',
      firm: '天目湖律师事务所',
      phone: '13800000001',
      email: 'wang@example.com',
      juvenileExperience: true,
      criminalPracticeSince: '2015-01-01',
      poolTier: 'core',
    };
    return this.app.get(LawyersService).create(body, SYSTEM_ACTOR);
  }

  async station(overrides: Partial<Station> = {}): Promise<Station & { rosterId: string }> {
    const at = iso(this.now());
    const station: Station = {
      id: newId(),
      name: '溧阳法院值班室',
      courtName: '溧阳市人民法院',
      timezone: 'Asia/Shanghai',
      shiftTemplates: [
        { name: '上午', start: '09:00', end: '12:00' },
        { name: '下午', start: '13:30', end: '17:00' },
      ],
      workdaysOnly: true,
      fallbackPhone: '0519-87000000',
      createdAt: at,
      updatedAt: at,
      ...overrides,
    };
    await insertRows(this.ds.manager, Station, station);
    await feedsChanged(this.ds.manager, { stations: [station.id], everyLawyer: true });
    const roster: Roster = {
      id: newId(),
      stationId: station.id,
      from: '2025-01-01',
      to: '2027-12-31',
      status: 'published',
      fairness: { min: 0, max: 0, perLawyer: {}, cumulative: {} },
      warnings: [],
      createdAt: at,
      publishedAt: at,
    };
    await insertRows(this.ds.manager, Roster, roster);
    return { ...station, rosterId: roster.id };
  }

  /** A shift of the station's template (`上午` by default) on a local date. */
  async shift(
    station: Station & { rosterId: string },
    date: string,
    lawyerId: string | null,
    options: { template?: string; status?: Shift['status'] } = {},
  ): Promise<Shift> {
    const template = station.shiftTemplates.find((t) => t.name === (options.template ?? '上午'))!;
    const shift: Shift = {
      id: newId(),
      rosterId: station.rosterId,
      stationId: station.id,
      date,
      templateName: template.name,
      startTime: template.start,
      endTime: template.end,
      startsAt: iso(instantAt(date, template.start, station.timezone)),
      endsAt: iso(instantAt(date, template.end, station.timezone)),
      lawyerId,
      status: options.status ?? 'published',
      sequence: 0,
      updatedAt: iso(this.now()),
      unfilledReason: lawyerId ? null : 'no eligible lawyer',
    };
    await insertRows(this.ds.manager, Shift, shift);
    await feedsChanged(this.ds.manager, { lawyers: [lawyerId], stations: [station.id] });
    return shift;
  }

  /** Consecutive daily shifts from `from` for one lawyer (the benchmark's year of duty). */
  async shifts(station: Station & { rosterId: string }, from: string, days: number, lawyerId: string): Promise<void> {
    for (let i = 0; i < days; i += 1) await this.shift(station, addDays(from, i), lawyerId);
  }

  /** An override or accepted swap: the shift changes hands (stations module semantics). */
  async moveShift(shift: Shift, lawyerId: string): Promise<void> {
    const before = await this.ds.getRepository(Shift).findOneByOrFail({ id: shift.id });
    await this.ds.getRepository(Shift).update(shift.id, { lawyerId, sequence: () => 'sequence + 1', updatedAt: iso(this.now()) });
    await feedsChanged(this.ds.manager, { lawyers: [before.lawyerId, lawyerId], stations: [shift.stationId] });
  }

  /** A case appointed to `lawyerId` with its Art 12 deadlines. */
  async appointedCase(
    lawyerId: string,
    options: { defendantName?: string; idNumber?: string; juvenile?: boolean; appointedOn?: string; stationId: string },
  ): Promise<{ kase: Case; assignment: Assignment }> {
    this.caseNo += 1;
    const at = iso(this.now());
    const appointedOn = options.appointedOn ?? at.slice(0, 10);
    const name = options.defendantName ?? '张三丰';
    const kase = {
      id: newId(),
      courtCaseNo: `(2026)苏0481刑初${100 + this.caseNo}号`,
      courtName: '溧阳市人民法院',
      stationId: options.stationId,
      procedure: 'ordinary',
      charges: ['盗窃罪'],
      possibleSentence: 'ordinary',
      offenceDate: '2026-05-01',
      defendant: {
        name,
        idNumber: options.idNumber,
        birthDate: options.juvenile ? '2009-01-01' : '1980-01-01',
        detained: true,
        detentionPlace: '溧阳市看守所',
      },
      defendantName: name,
      juvenile: options.juvenile ?? false,
      trialInAbsentia: false,
      deathPenaltyReview: false,
      route: 'appointed_defence',
      routeReason: 'procedure',
      requiresJuvenileExperience: options.juvenile ?? false,
      requiresSeniorLawyer: false,
      status: 'assigned',
      mandatoryGrounds: [],
      missingFields: [],
      warnings: [],
      judge: { name: '李法官', phone: '0519-87111111' },
      trialAt: null,
      trialPlace: null,
      indictmentAttached: true,
      receivedAt: at,
      relatedCaseNos: [],
      deadlines: { appointBy: appointedOn },
      appointBy: appointedOn,
      currentLawyerId: lawyerId,
      terminationGround: null,
      terminationNote: null,
      endedAt: null,
      createdAt: at,
      updatedAt: at,
    } satisfies Case;
    await insertRows(this.ds.manager, Case, kase);
    const assignment = await this.assign(kase.id, lawyerId, appointedOn);
    return { kase, assignment };
  }

  async assign(caseId: string, lawyerId: string, appointedOn = iso(this.now()).slice(0, 10)): Promise<Assignment> {
    const assignment: Assignment = {
      id: newId(),
      caseId,
      lawyerId,
      kind: 'manual',
      reason: 'test',
      explanation: { chosen: null, candidates: [], excluded: [], policy: {} as Assignment['explanation']['policy'] },
      status: 'active',
      appointedAt: iso(this.now()),
      contactJudgeBy: addDays(appointedOn, 3),
      fileReviewBy: addDays(appointedOn, 7),
      appointedBy: null,
      endedAt: null,
      endReason: null,
    };
    await insertRows(this.ds.manager, Assignment, assignment);
    await caseFeedsChanged(this.ds.manager, caseId);
    return assignment;
  }

  /** The lawyer is replaced on the case (Art 5 re-appointment): the old assignment ends. */
  async replace(assignment: Assignment, lawyerId: string): Promise<Assignment> {
    await this.ds.getRepository(Assignment).update(assignment.id, { status: 'replaced', endedAt: iso(this.now()) });
    await this.ds.getRepository(Case).update(assignment.caseId, { currentLawyerId: lawyerId, updatedAt: iso(this.now()) });
    return this.assign(assignment.caseId, lawyerId);
  }

  async hearing(caseId: string, kind: HearingKind, at: string, place: string | null = '第三审判庭'): Promise<Hearing> {
    const now = iso(this.now());
    const hearing: Hearing = {
      id: newId(),
      caseId,
      kind,
      at: iso(new Date(at)),
      place,
      toldAt: now,
      shortNotice: false,
      sequence: 0,
      cancelled: false,
      createdAt: now,
      updatedAt: now,
    };
    await insertRows(this.ds.manager, Hearing, hearing);
    await caseFeedsChanged(this.ds.manager, caseId);
    return hearing;
  }

  /** The court moves or cancels a hearing: same row, sequence bumped (cases module semantics). */
  async changeHearing(hearing: Hearing, change: { at?: string; cancelled?: boolean }): Promise<void> {
    await this.ds.getRepository(Hearing).update(hearing.id, {
      ...(change.at ? { at: iso(new Date(change.at)) } : {}),
      ...(change.cancelled !== undefined ? { cancelled: change.cancelled } : {}),
      sequence: () => 'sequence + 1',
      updatedAt: iso(this.now()),
    });
    await caseFeedsChanged(this.ds.manager, hearing.caseId);
  }
}
