import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { chunks, insertRows, iso, sortableId } from '../database/columns';
import { AuditEntry } from './audit-entry.entity';

/** The append-only audit trail. Callers pass their transaction's manager so the entry commits with the change. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly clock: Clock,
  ) {}

  async record(
    manager: EntityManager,
    actor: Actor | null,
    action: string,
    entity: string,
    entityId: string,
    summary: Record<string, unknown> | null = null,
  ): Promise<void> {
    const now = this.clock.now();
    await insertRows(
      manager,
      AuditEntry,
      manager.create(AuditEntry, {
        id: sortableId(now),
        at: iso(now),
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? null,
        action,
        entity,
        entityId,
        summary,
      }),
    );
  }

  list(filter: { entity?: string; id?: string; limit: number; offset: number }): Promise<AuditEntry[]> {
    return this.entries.find({
      where: { ...(filter.entity ? { entity: filter.entity } : {}), ...(filter.id ? { entityId: filter.id } : {}) },
      order: { at: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }

  /** The entries of these entities with one of `actions`, oldest first (a screen's change history). */
  async ofEntities(manager: EntityManager, entity: string, ids: readonly string[], actions: readonly string[]): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    for (const part of chunks(ids)) {
      out.push(
        ...(await manager.find(AuditEntry, {
          where: { entity, entityId: In(part), action: In([...actions]) },
          order: { at: 'ASC', id: 'ASC' },
        })),
      );
    }
    return out.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  }
}
