import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type Actor, ownLawyerId } from '../common/actor';
import { Clock } from '../common/clock';
import { conflict, DomainError, notFound } from '../common/errors';
import { localDateOf } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Assignment } from './assignment/assignment.entity';
import { insertRows, iso, newId } from '../database/columns';
import { Transactions } from '../database/transactions';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { appointmentLetterDocx } from './appointment-letter';
import { AppointmentLetterRecord } from './appointment-letter.entity';
import { appointmentLetterPdf, assertLetterFont, LetterFontError } from './appointment-letter-pdf';
import { Case } from './case.entity';
import { assertClerkCourt } from './clerk-scope';
import { letterFileName, letterNumber } from './domain/letter-number';

export const LETTER_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;
export type LetterFormat = keyof typeof LETTER_TYPES;

export interface LetterFile {
  fileName: string;
  asciiName: string;
  type: string;
  body: Buffer;
}

/**
 * One statement, atomic on both databases: the year's counter is created at 1 or raised by 1,
 * and the new value returned. Inside the issuing transaction the row stays locked until the
 * letter is recorded, so racing requests (or instances) get consecutive serials, and a
 * transaction that fails rolls its increment back: no gaps, no duplicates.
 */
const NEXT_SERIAL =
  'INSERT INTO letter_serials (year, last) VALUES (:year, 1) ON CONFLICT (year) DO UPDATE SET last = letter_serials.last + 1 RETURNING last';

@Injectable()
export class AppointmentLetterService implements OnModuleInit {
  private readonly logger = new Logger('AppointmentLetter');

  constructor(
    private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lawyers: LawyersQuery,
  ) {}

  /**
   * A missing PDF font or the shipped center details are flagged at once. The server still starts
   * without the font (the quick start needs no apt package): the .docx letter works, the PDF
   * answers 503 naming the setting.
   */
  onModuleInit(): void {
    try {
      assertLetterFont(this.config.letters.pdfFont);
    } catch (err) {
      if (!(err instanceof LetterFontError)) throw err;
      this.logger.warn(`${err.message} Until then the PDF letter answers 503; the .docx letter is unaffected.`);
    }
    if (this.config.centerPlaceholders.length) {
      this.logger.warn(
        `${this.config.centerPlaceholders.join(', ')} not set: the appointment letter would print the shipped placeholder` +
          (this.config.production ? '; in production (NODE_ENV=production) letters are refused until they are set' : ''),
      );
    }
  }

  /** The 法律援助公函 for the case's current appointment (Art 6), numbered when first issued. */
  async build(caseId: string, format: LetterFormat, actor: Actor): Promise<LetterFile> {
    const c = await this.ds.manager.findOneBy(Case, { id: caseId });
    if (!c || (actor.role === 'lawyer' && !(await this.namesLawyer(caseId, actor)))) throw notFound('Case', caseId);
    assertClerkCourt(actor, c);
    if (c.route === 'duty_lawyer_help') {
      throw conflict('DUTY_LAWYER_HELP', 'a duty-lawyer-help case has no appointed lawyer and no appointment letter (Art 2 para 2)');
    }
    const active = await this.ds.manager.findOneBy(Assignment, { caseId, status: 'active' });
    if (!active) throw conflict('NO_ACTIVE_ASSIGNMENT', 'the case has no appointed lawyer yet');
    if (this.config.production && this.config.centerPlaceholders.length) {
      const names = this.config.centerPlaceholders.join(', ');
      throw conflict('LEGAL_AID_CENTER_NOT_CONFIGURED', `法律援助中心的名称、地址或电话仍是默认值，不能出具公函：请设置 ${names}`, {
        settings: this.config.centerPlaceholders,
      });
    }
    if (format === 'pdf') this.pdfFontOrUnavailable();
    const lawyer = (await this.lawyers.byId(this.ds.manager, active.lawyerId))!;
    const issued = await this.issue(active);
    const data = {
      center: this.config.legalAidCenter,
      courtName: c.courtName,
      courtCaseNo: c.courtCaseNo,
      defendantName: c.defendantName,
      charges: c.charges,
      lawyer: { name: lawyer.name, firm: lawyer.firm, phone: lawyer.phone },
      date: issued.issuedOn,
      letterNo: issued.letterNo,
    };
    const body = format === 'pdf' ? await appointmentLetterPdf(data, this.config.letters.pdfFont) : await appointmentLetterDocx(data);
    return {
      fileName: letterFileName(c.courtCaseNo, format),
      asciiName: `appointment-letter-${issued.year}-${issued.serial}.${format}`,
      type: LETTER_TYPES[format],
      body,
    };
  }

  /** Checked before a serial is taken, so a refused PDF leaves no gap in the year's numbers. */
  private pdfFontOrUnavailable(): void {
    try {
      assertLetterFont(this.config.letters.pdfFont);
    } catch (err) {
      if (!(err instanceof LetterFontError)) throw err;
      throw new DomainError('unavailable', 'LETTER_PDF_FONT_MISSING', err.message, undefined, { settings: ['LETTER_PDF_FONT'] });
    }
  }

  /** The appointment's letter record, numbering it now if this is its first issue. */
  private async issue(assignment: Assignment): Promise<AppointmentLetterRecord> {
    const existing = await this.ds.manager.findOneBy(AppointmentLetterRecord, { assignmentId: assignment.id });
    if (existing) return existing;
    try {
      return await this.tx.run((m) => this.number(m, assignment));
    } catch (err) {
      // A racing request issued it first (unique per assignment); this transaction's serial was rolled back.
      const winner = await this.ds.manager.findOneBy(AppointmentLetterRecord, { assignmentId: assignment.id });
      if (winner) return winner;
      throw err;
    }
  }

  private async number(m: EntityManager, assignment: Assignment): Promise<AppointmentLetterRecord> {
    const now = this.clock.now();
    const issuedOn = localDateOf(now, this.config.courtTimezone);
    const year = Number(issuedOn.slice(0, 4));
    const [sql, params] = m.connection.driver.escapeQueryWithParameters(NEXT_SERIAL, { year });
    const [row] = (await m.query(sql, params)) as Array<{ last: number | string }>;
    const serial = Number(row.last);
    const record: AppointmentLetterRecord = {
      id: newId(),
      assignmentId: assignment.id,
      caseId: assignment.caseId,
      year,
      serial,
      letterNo: letterNumber(this.config.letters.numberPrefix, year, serial),
      issuedOn,
      issuedAt: iso(now),
    };
    await insertRows(m, AppointmentLetterRecord, record);
    return record;
  }

  /** The letter is the appointed lawyer's own while the appointment lasts; a replaced lawyer's is gone. */
  private namesLawyer(caseId: string, actor: Actor): Promise<boolean> {
    return this.ds.manager.existsBy(Assignment, { caseId, lawyerId: ownLawyerId(actor), status: 'active' });
  }
}
