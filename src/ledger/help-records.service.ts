import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import type { Case } from '../cases/case.entity';
import { CasesQuery } from '../cases/cases.query';
import { Clock } from '../common/clock';
import { badRequest, conflict, FieldError, forbidden, invalid, notFound } from '../common/errors';
import { insertRows, iso, sortableId } from '../database/columns';
import { Transactions } from '../database/transactions';
import type { Station } from '../stations/station.entity';
import { helpTimeErrors, idNumberErrors } from './domain/help-record-rules';
import { CreateHelpRecordDto, UpdateHelpRecordDto } from './dto/ledger.dto';
import { LedgerAccess } from './ledger-access';
import { HelpRecord } from './ledger.entities';
import { LedgerReader } from './ledger-reader';

/** Legal-help records (Art 2): written by the lawyer on the shift; editable until signed off, then only corrected. */
@Injectable()
export class HelpRecordsService {
  constructor(
    private readonly cases: CasesQuery,
    private readonly access: LedgerAccess,
    private readonly reader: LedgerReader,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateHelpRecordDto, actor: Actor) {
    const { shift, station } = await this.access.ownShift(dto.shiftId, actor, 'shiftId');
    const now = this.clock.now();
    if (now < new Date(shift.startsAt)) throw conflict('SHIFT_NOT_STARTED', 'help is recorded during or after the shift');
    const linked = await this.linkedCase(dto, station);
    const courtCaseNo = dto.courtCaseNo ?? linked?.courtCaseNo;
    const defendantName = dto.defendantName ?? linked?.defendantName;
    const errors: FieldError[] = [];
    if (!courtCaseNo) errors.push({ field: 'courtCaseNo', reason: 'is required without caseId' });
    if (!defendantName) errors.push({ field: 'defendantName', reason: 'is required without caseId' });
    if (dto.correctionReason && !dto.correctsId) errors.push({ field: 'correctionReason', reason: 'goes only with correctsId' });
    if (dto.correctsId && !dto.correctionReason) errors.push({ field: 'correctionReason', reason: 'is required with correctsId' });
    errors.push(...this.contentErrors({ ...dto, courtCaseNo, defendantName }, shift.date, station, now));
    if (errors.length) throw invalid(errors);
    const record = await this.tx.run(async (m) => {
      if (dto.correctsId) await this.assertCorrectable(m, dto.correctsId, shift.id, actor);
      const record = Object.assign(new HelpRecord(), {
        id: sortableId(now),
        shiftId: shift.id,
        stationId: shift.stationId,
        lawyerId: shift.lawyerId!,
        date: shift.date,
        caseId: linked?.id ?? null,
        courtCaseNo: courtCaseNo!,
        defendantName: defendantName!,
        helpType: dto.helpType,
        summary: dto.summary,
        startedAt: iso(new Date(dto.startedAt)),
        endedAt: iso(new Date(dto.endedAt)),
        correctsId: dto.correctsId ?? null,
        correctionReason: dto.correctionReason ?? null,
        afterSignOff: await this.access.isSignedOff(m, shift.lawyerId!, shift.stationId, shift.date),
        createdBy: actor.id,
        createdAt: iso(now),
        updatedAt: iso(now),
      });
      await insertRows(m, HelpRecord, record);
      const action = record.correctsId ? 'help_record.correct' : 'help_record.create';
      await this.audit.record(m, actor, action, 'help_record', record.id, { ...dto });
      return record;
    });
    return this.reader.helpRecordView(record, station.timezone);
  }

  /**
   * Edits in place, only before the day is signed off and only a record nobody has corrected. The
   * conditions sit in the UPDATE itself so a sign-off committed meanwhile wins.
   */
  async update(id: string, dto: UpdateHelpRecordDto, actor: Actor) {
    const now = this.clock.now();
    const record = await this.tx.run(async (m) => {
      const record = await m.findOneBy(HelpRecord, { id });
      if (!record) throw notFound('HelpRecord', id);
      if (record.lawyerId !== actor.lawyerId) throw forbidden('only the lawyer who recorded it may edit a help record', 'NOT_RECORD_OWNER');
      if (record.caseId && dto.courtCaseNo !== undefined && dto.courtCaseNo !== record.courtCaseNo) {
        throw badRequest('courtCaseNo', 'is fixed by the linked case');
      }
      const station = await this.access.station(record.stationId);
      const next = { ...record, ...dto, updatedAt: iso(now) };
      const errors = this.contentErrors(next, record.date, station, now);
      if (errors.length) throw invalid(errors);
      const changes = { ...dto, startedAt: iso(new Date(next.startedAt)), endedAt: iso(new Date(next.endedAt)), updatedAt: next.updatedAt };
      const result = await m
        .createQueryBuilder()
        .update(HelpRecord)
        .set(changes)
        .where('id = :id', { id })
        .andWhere('NOT EXISTS (SELECT 1 FROM help_records c WHERE c.corrects_id = :id)', { id })
        .andWhere('NOT EXISTS (SELECT 1 FROM ledger_signoffs s WHERE s.lawyer_id = :l AND s.station_id = :st AND s.date = :d)', {
          l: record.lawyerId,
          st: record.stationId,
          d: record.date,
        })
        .execute();
      if (!result.affected) {
        throw (await m.existsBy(HelpRecord, { correctsId: id }))
          ? conflict('ALREADY_CORRECTED', 'this record has been corrected; correct the latest record')
          : this.signedOff();
      }
      const before = Object.fromEntries(Object.keys(dto).map((k) => [k, record[k as keyof HelpRecord]]));
      await this.audit.record(m, actor, 'help_record.update', 'help_record', id, { before, after: { ...dto } });
      return Object.assign(record, changes);
    });
    return this.reader.helpRecordView(record, (await this.access.station(record.stationId)).timezone);
  }

  private signedOff() {
    return conflict('DAY_SIGNED_OFF', 'the day is signed off: record a correction (POST /api/v1/help-records with correctsId) instead');
  }

  /** A linked case must be a duty-lawyer-help case of the shift's station (Art 2 routing). */
  private async linkedCase(dto: CreateHelpRecordDto, station: Station): Promise<Case | null> {
    if (!dto.caseId) return null;
    const c = await this.cases.caseById(dto.caseId);
    if (!c) throw badRequest('caseId', 'no case with this id');
    if (c.route !== 'duty_lawyer_help') throw badRequest('caseId', 'is not routed to duty-lawyer help');
    if (c.stationId !== station.id) throw badRequest('caseId', 'belongs to another station');
    if (dto.courtCaseNo !== undefined && dto.courtCaseNo !== c.courtCaseNo)
      throw badRequest('courtCaseNo', `does not match the case (${c.courtCaseNo})`);
    return c;
  }

  private contentErrors(
    r: { startedAt: string; endedAt: string; summary: string; courtCaseNo?: string; defendantName?: string },
    date: string,
    station: Station,
    now: Date,
  ): FieldError[] {
    return [
      ...helpTimeErrors(new Date(r.startedAt), new Date(r.endedAt), date, station.timezone, now),
      ...idNumberErrors({ summary: r.summary, defendantName: r.defendantName, courtCaseNo: r.courtCaseNo }),
    ];
  }

  private async assertCorrectable(m: EntityManager, correctsId: string, shiftId: string, actor: Actor): Promise<void> {
    const original = await m.findOneBy(HelpRecord, { id: correctsId });
    if (!original) throw badRequest('correctsId', 'no help record with this id');
    if (original.lawyerId !== actor.lawyerId) throw forbidden('a lawyer corrects only their own records', 'NOT_RECORD_OWNER');
    if (original.shiftId !== shiftId) throw badRequest('correctsId', 'belongs to another shift');
    const later = await m.findOneBy(HelpRecord, { correctsId });
    if (later)
      throw conflict('ALREADY_CORRECTED', 'this record has been corrected; correct the latest record', { correctedById: later.id });
  }
}
