import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/errors';
import { localDateOf, toZonedIso } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { iso, newId } from '../database/columns';
import { caseFeedsChanged } from './case-feeds';
import { Transactions } from '../database/transactions';
import { WorkdaysService } from '../workdays/workdays.service';
import { Case } from './case.entity';
import { fileReadingArrangeBy, fileReadingOverdue } from './domain/file-reading';
import { FileReadingQueryDto, FileReadingRequestDto, FileReadingUpdateDto } from './dto/file-reading.dto';
import { FileReadingRequest } from './file-reading-request.entity';

/**
 * 阅卷 (Art 13): the lawyer of the case records a request; the court arranges it within 3
 * working days of the obstacle's removal; an overdue one is flagged for the centre (Art 21).
 * Each change touches the case's updated_at, so the lawyer's calendar feed (ETag) moves.
 */
@Injectable()
export class FileReadingService {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workdays: WorkdaysService,
  ) {}

  async request(caseId: string, dto: FileReadingRequestDto, actor: Actor) {
    this.notFuture('requestedAt', dto.requestedAt);
    if (dto.obstacleClearedAt) this.notFuture('obstacleClearedAt', dto.obstacleClearedAt);
    const calendar = await this.workdays.calendar();
    return this.tx.run(async (m) => {
      const c = await m.findOneBy(Case, { id: caseId });
      if (!c || (actor.role === 'lawyer' && actor.lawyerId !== c.currentLawyerId)) throw notFound('Case', caseId);
      if (c.status !== 'assigned' || !c.currentLawyerId)
        throw conflict('NO_ACTIVE_ASSIGNMENT', 'only the appointed defence lawyer reads the file (Art 13)');
      const r: FileReadingRequest = {
        id: newId(),
        caseId,
        lawyerId: c.currentLawyerId,
        requestedAt: iso(new Date(dto.requestedAt)),
        obstacleClearedAt: dto.obstacleClearedAt ? iso(new Date(dto.obstacleClearedAt)) : null,
        arrangeBy: fileReadingArrangeBy(
          this.local(dto.requestedAt),
          dto.obstacleClearedAt ? this.local(dto.obstacleClearedAt) : null,
          calendar,
        ),
        arrangedAt: null,
        createdBy: actor.id,
        createdAt: iso(this.clock.now()),
      };
      await m.insert(FileReadingRequest, r);
      await this.touch(m, caseId);
      await this.audit.record(m, actor, 'case.file_reading.request', 'case', caseId, { requestId: r.id, arrangeBy: r.arrangeBy });
      return this.view(r);
    });
  }

  async update(id: string, dto: FileReadingUpdateDto, actor: Actor) {
    if (!dto.arrangedAt && !dto.obstacleClearedAt) throw badRequest('arrangedAt', 'give arrangedAt or obstacleClearedAt');
    if (dto.arrangedAt) this.notFuture('arrangedAt', dto.arrangedAt);
    if (dto.obstacleClearedAt) this.notFuture('obstacleClearedAt', dto.obstacleClearedAt);
    const calendar = await this.workdays.calendar();
    return this.tx.run(async (m) => {
      const r = await m.findOneBy(FileReadingRequest, { id });
      if (!r || (actor.role === 'lawyer' && actor.lawyerId !== r.lawyerId)) throw notFound('FileReadingRequest', id);
      if (r.arrangedAt) throw conflict('FILE_READING_ARRANGED', 'the file reading was already arranged');
      if (dto.arrangedAt && dto.arrangedAt < r.requestedAt) throw badRequest('arrangedAt', 'must not be before requestedAt');
      if (dto.obstacleClearedAt) {
        r.obstacleClearedAt = iso(new Date(dto.obstacleClearedAt));
        r.arrangeBy = fileReadingArrangeBy(this.local(r.requestedAt), this.local(r.obstacleClearedAt), calendar);
      }
      if (dto.arrangedAt) r.arrangedAt = iso(new Date(dto.arrangedAt));
      const res = await m.update(
        FileReadingRequest,
        { id, arrangedAt: IsNull() },
        { obstacleClearedAt: r.obstacleClearedAt, arrangeBy: r.arrangeBy, arrangedAt: r.arrangedAt },
      );
      if (res.affected !== 1) throw conflict('FILE_READING_ARRANGED', 'the file reading was arranged by a concurrent request');
      await this.touch(m, r.caseId);
      await this.audit.record(m, actor, 'case.file_reading.update', 'case', r.caseId, { requestId: id, ...dto, arrangeBy: r.arrangeBy });
      return this.view(r);
    });
  }

  /** The centre's list; `overdue=true`: past arrangeBy and not arranged in time (Art 21). */
  list(q: FileReadingQueryDto) {
    return this.tx.run(async (m) => {
      const qb = m.createQueryBuilder(FileReadingRequest, 'r').orderBy('r.arrange_by', 'ASC').addOrderBy('r.id', 'ASC');
      if (q.overdue) qb.where('r.arranged_at IS NULL AND r.arrange_by < :today', { today: this.today() });
      return (await qb.getMany()).map((r) => this.view(r));
    });
  }

  async forCase(caseId: string) {
    const rows = await this.tx.run((m) => m.find(FileReadingRequest, { where: { caseId }, order: { requestedAt: 'ASC' } }));
    return rows.map((r) => this.view(r));
  }

  view(r: FileReadingRequest) {
    const tz = this.config.courtTimezone;
    const zoned = (v: string | null) => (v ? toZonedIso(new Date(v), tz) : null);
    return {
      ...r,
      requestedAt: zoned(r.requestedAt),
      obstacleClearedAt: zoned(r.obstacleClearedAt),
      arrangedAt: zoned(r.arrangedAt),
      createdAt: zoned(r.createdAt),
      overdue: fileReadingOverdue(r.arrangeBy, r.arrangedAt ? this.local(r.arrangedAt) : null, this.today()),
    };
  }

  private async touch(m: EntityManager, caseId: string) {
    await m.update(Case, { id: caseId }, { updatedAt: iso(this.clock.now()) });
    await caseFeedsChanged(m, caseId);
  }

  private notFuture(field: string, instant: string) {
    if (new Date(instant) > this.clock.now()) throw badRequest(field, 'must not be in the future');
  }

  private local(instant: string) {
    return localDateOf(new Date(instant), this.config.courtTimezone);
  }

  private today() {
    return localDateOf(this.clock.now(), this.config.courtTimezone);
  }
}
