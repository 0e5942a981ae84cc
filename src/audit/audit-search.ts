import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { toZonedIso } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AuditEntry } from './audit-entry.entity';

export interface AuditFilter {
  entity?: string;
  id?: string;
  actorId?: string;
  action?: string;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** An entry as the trail shows it: the actor's name beside the id, the time in the court's zone. */
export type AuditEntryView = AuditEntry & { actorName: string | null };

export interface AuditActor {
  id: string;
  name: string;
  role: string;
}

/** Read side of the audit trail: search by entity, actor and action, a page at a time. */
@Injectable()
export class AuditSearch {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async search(f: AuditFilter): Promise<{ items: AuditEntryView[]; total: number }> {
    const qb = this.entries.createQueryBuilder('e');
    if (f.entity) qb.andWhere('e.entity = :entity', { entity: f.entity });
    if (f.id) qb.andWhere('e.entity_id = :id', { id: f.id });
    if (f.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: f.actorId });
    if (f.action) qb.andWhere('e.action = :action', { action: f.action });
    const total = await qb.getCount();
    const order = f.order === 'desc' ? 'DESC' : 'ASC';
    // The users table by name: the trail names its actors without the audit folder importing auth's entity.
    const rows = await qb
      .leftJoin('users', 'u', 'u.id = e.actor_id')
      .addSelect('u.name', 'actor_name')
      .orderBy('e.at', order)
      .addOrderBy('e.id', order)
      .offset(f.offset)
      .limit(f.limit)
      .getRawAndEntities();
    const items = rows.entities.map((e, i) => ({
      ...e,
      at: toZonedIso(new Date(e.at), this.config.courtTimezone),
      actorName: (rows.raw[i] as { actor_name: string | null }).actor_name ?? null,
    }));
    return { items, total };
  }

  /** Everyone who appears in the trail as an actor, by name: the console's actor filter. */
  actors(): Promise<AuditActor[]> {
    return this.entries.manager
      .createQueryBuilder()
      .select(['u.id AS id', 'u.name AS name', 'u.role AS role'])
      .from('users', 'u')
      .where('EXISTS (SELECT 1 FROM audit_log e WHERE e.actor_id = u.id)')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getRawMany<AuditActor>();
  }
}
