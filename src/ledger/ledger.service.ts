import { Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import type { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { Station } from '../stations/station.entity';
import { DUTY_COLUMNS, HELP_COLUMNS } from './domain/ledger-columns';
import { LedgerQueryDto, LedgerRangeDto } from './dto/ledger.dto';
import { LedgerAccess } from './ledger-access';
import type { LedgerScope } from './ledger-pages.query';
import { LedgerReader } from './ledger-reader';
import { writeCsv, writeJson, writeXlsx } from './ledger-writers';

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface LedgerExport {
  contentType: string;
  /** The attachment's file name and its ASCII fallback; undefined: shown inline. */
  fileName?: { name: string; fallback: string };
  write(out: Writable): Promise<void>;
}

/** Reading and exporting the ledger (dispatcher, supervisor; a lawyer sees only their own entries). */
@Injectable()
export class LedgerService {
  constructor(
    private readonly reader: LedgerReader,
    private readonly access: LedgerAccess,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The ledger as a download: its media type, file name (none for JSON, shown inline) and a
   * writer that streams it. The controller sets the headers and owns the response.
   */
  async export(q: LedgerQueryDto, actor: Actor): Promise<LedgerExport> {
    const { scope, station } = await this.scope(q, actor);
    const part = q.part ?? (q.format === 'csv' ? 'help' : undefined);
    const name = `值班台账-${station.name}-${q.from}-${q.to}${part ? `-${part}` : ''}.${q.format}`;
    return {
      contentType: CONTENT_TYPES[q.format],
      fileName: q.format === 'json' ? undefined : { name, fallback: `ledger.${q.format}` },
      write: (out) => this.write(q.format, part, scope, station, out),
    };
  }

  async attendance(q: LedgerRangeDto, actor: Actor) {
    const { scope } = await this.scope(q, actor);
    const rows = [];
    for await (const page of this.reader.dutyPages(scope)) rows.push(...page);
    return rows;
  }

  async signOffs(q: LedgerRangeDto, actor: Actor) {
    return this.reader.signOffList((await this.scope(q, actor)).scope);
  }

  async pendingHelp(stationId: string, actor: Actor) {
    const station = await this.access.station(stationId);
    await this.access.assertOnShiftOrStaff(actor, stationId, this.clock.now());
    return this.reader.pendingHelp(stationId, station.timezone);
  }

  private async scope(q: LedgerRangeDto, actor: Actor): Promise<{ scope: LedgerScope; station: Station }> {
    this.access.checkRange(q.from, q.to);
    const lawyerId = this.access.readerLawyerId(actor);
    const station = await this.access.station(q.stationId);
    return { scope: { stationId: station.id, from: q.from, to: q.to, timezone: station.timezone, lawyerId }, station };
  }

  private write(format: LedgerQueryDto['format'], part: LedgerQueryDto['part'], scope: LedgerScope, station: Station, out: Writable) {
    const duty = () => this.reader.dutyPages(scope);
    const help = () => this.reader.helpPages(scope);
    switch (format) {
      case 'csv':
        return part === 'duty' ? writeCsv(out, DUTY_COLUMNS, duty()) : writeCsv(out, HELP_COLUMNS, help());
      case 'json': {
        const head = {
          stationId: station.id,
          stationName: station.name,
          courtName: station.courtName,
          timezone: station.timezone,
          from: scope.from,
          to: scope.to,
        };
        const parts = [
          ...(part !== 'help' ? [{ name: 'dutyRecords', pages: duty() }] : []),
          ...(part !== 'duty' ? [{ name: 'helpRecords', pages: help() }] : []),
        ];
        return writeJson(out, head, parts);
      }
      case 'xlsx': {
        const subtitle = `值班点：${station.name}　法院：${station.courtName}　期间：${scope.from} 至 ${scope.to}　时区：${station.timezone}`;
        const center = this.config.legalAidCenter.name;
        return writeXlsx(out, [
          { name: '值班记录', title: `${center} 值班律师值班台账（值班记录）`, subtitle, columns: DUTY_COLUMNS, pages: duty() },
          { name: '法律帮助记录', title: `${center} 值班律师值班台账（法律帮助记录）`, subtitle, columns: HELP_COLUMNS, pages: help() },
        ]);
      }
      default: {
        const unreachable: never = format;
        return unreachable;
      }
    }
  }
}
