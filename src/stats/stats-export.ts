import { Injectable } from '@nestjs/common';
import { exceljs } from '../common/exceljs';
import { csvLine } from '../common/csv';
import { coverageTable, deadlinesTable, fairnessTable, objectionsTable, StatsReportName, StatsTable } from './domain/reports';
import { StatsExportDto } from './dto/export.dto';
import { StatsPeriods } from './queries/stats-period';
import { StatsService } from './stats.service';

export interface StatsFile {
  fileName: string;
  asciiName: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const FILE_TITLES: Record<StatsReportName, string> = {
  coverage: '辩护率',
  deadlines: '期限遵守',
  appointments: '指派分布',
  shifts: '值班分布',
  objections: '异议',
};

/** The dashboard's tables as CSV (UTF-8 BOM, for Excel) or XLSX: small aggregates, built in memory. */
@Injectable()
export class StatsExport {
  constructor(
    private readonly stats: StatsService,
    private readonly periods: StatsPeriods,
  ) {}

  async file(q: StatsExportDto): Promise<StatsFile> {
    const table = await this.table(q);
    const { from, to } = this.periods.resolve(q);
    const period = `${from}_${to}`;
    const body = q.format === 'csv' ? this.csv(table) : await this.xlsx(table, q.report);
    return {
      fileName: `${FILE_TITLES[q.report]}_${period}.${q.format}`,
      asciiName: `stats-${q.report}_${period}.${q.format}`,
      contentType: CONTENT_TYPES[q.format],
      body,
    };
  }

  private async table(q: StatsExportDto): Promise<StatsTable> {
    switch (q.report) {
      case 'coverage':
        return coverageTable(await this.stats.coverageByMonth(q));
      case 'deadlines':
        return deadlinesTable(await this.stats.deadlines(q));
      case 'appointments':
        return fairnessTable((await this.stats.fairness(q)).appointments, 'appointments');
      case 'shifts':
        return fairnessTable((await this.stats.fairness(q)).shifts, 'shifts');
      case 'objections':
        return objectionsTable(await this.stats.objections(q));
    }
  }

  private csv(t: StatsTable): Buffer {
    return Buffer.from('\uFEFF' + [t.columns, ...t.rows].map(csvLine).join(''), 'utf8');
  }

  /** The title line, then the header row (bold, frozen), then the rows; counts stay numbers. */
  private async xlsx(t: StatsTable, report: StatsReportName): Promise<Buffer> {
    const ExcelJS = (await exceljs()).default;
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet(FILE_TITLES[report], { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.addRow([t.title]).font = { bold: true, size: 14 };
    ws.addRow(t.columns).font = { bold: true };
    for (const row of t.rows) ws.addRow(row);
    ws.columns.forEach((c, i) => (c.width = Math.max(8, t.columns[i].length * 2 + 2)));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
