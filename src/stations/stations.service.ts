import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IANAZone } from 'luxon';
import { Repository } from 'typeorm';
import { type Actor, ownLawyerId } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { FieldError, forbidden, invalid, notFound } from '../common/errors';
import { iso, newId } from '../database/columns';
import { Transactions } from '../database/transactions';
import { templateErrors } from './domain/shift-templates';
import { CreateStationDto, UpdateStationDto } from './dto/station.dto';
import { StationMembersQuery } from './station-members.query';
import { Station, StationMember } from './station.entity';
import { findForUpdate } from '../database/locking';
import { feedsChanged } from '../feed-versions/feed-versions';

export type StationView = Station & { lawyerIds: string[] };

@Injectable()
export class StationsService {
  constructor(
    @InjectRepository(Station) private readonly stations: Repository<Station>,
    @InjectRepository(StationMember) private readonly members: Repository<StationMember>,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly memberLawyers: StationMembersQuery,
  ) {}

  async create(dto: CreateStationDto, actor: Actor): Promise<StationView> {
    const station: Station = Object.assign(new Station(), {
      timezone: this.config.courtTimezone,
      workdaysOnly: true,
      ...dto,
      id: newId(),
      createdAt: iso(this.clock.now()),
      updatedAt: iso(this.clock.now()),
    });
    this.check(station);
    return this.tx.run(async (m) => {
      await m.insert(Station, station);
      await feedsChanged(m, { stations: [station.id] });
      await this.audit.record(m, actor, 'station.create', 'station', station.id, { ...dto });
      return { ...station, lawyerIds: [] };
    });
  }

  async list(): Promise<Station[]> {
    return this.stations.find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<StationView> {
    const station = await this.require(id);
    const lawyerIds = (await this.members.find({ where: { stationId: id }, order: { lawyerId: 'ASC' } })).map((x) => x.lawyerId);
    return { ...station, lawyerIds };
  }

  /** Active members in name order; a lawyer sees the colleagues of their own stations only. */
  async colleagues(id: string, actor: Actor): Promise<{ id: string; name: string; firm: string }[]> {
    await this.require(id);
    return this.tx.run(async (m) => {
      if (actor.role === 'lawyer' && !(await m.existsBy(StationMember, { stationId: id, lawyerId: ownLawyerId(actor) }))) {
        throw forbidden('a lawyer sees the colleagues of their own stations only', 'NOT_STATION_MEMBER');
      }
      return (await this.memberLawyers.active(m, id)).map((l) => ({ id: l.id, name: l.name, firm: l.firm }));
    });
  }

  /** Changing templates affects rosters generated afterwards; published shifts keep their times. */
  async update(id: string, dto: UpdateStationDto, actor: Actor): Promise<StationView> {
    await this.tx.run(async (m) => {
      const station = await findForUpdate(m, Station, { id });
      if (!station) throw notFound('Station', id);
      Object.assign(station, dto, { updatedAt: iso(this.clock.now()) });
      this.check(station);
      await m.save(Station, station);
      await feedsChanged(m, { stations: [id], everyLawyer: true });
      await this.audit.record(m, actor, 'station.update', 'station', id, { ...dto });
    });
    return this.get(id);
  }

  async require(id: string): Promise<Station> {
    const station = await this.stations.findOneBy({ id });
    if (!station) throw notFound('Station', id);
    return station;
  }

  private check(station: Station): void {
    const errors: FieldError[] = templateErrors(station.shiftTemplates);
    if (!IANAZone.isValidZone(station.timezone))
      errors.unshift({ field: 'timezone', reason: 'must be an IANA time zone, e.g. Asia/Shanghai' });
    if (errors.length) throw invalid(errors);
  }
}
