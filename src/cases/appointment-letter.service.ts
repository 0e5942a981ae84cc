import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, ownLawyerId } from '../auth/actor';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/errors';
import { localDateOf } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Assignment } from '../assignment/assignment.entity';
import { Lawyer } from '../lawyers/lawyer.entity';
import { appointmentLetterDocx } from './appointment-letter';
import { Case } from './case.entity';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@Injectable()
export class AppointmentLetterService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The 法律援助公函 for the case's current appointment (Art 6). */
  async build(caseId: string, actor: Actor): Promise<{ fileName: string; body: Buffer }> {
    const c = await this.ds.manager.findOneBy(Case, { id: caseId });
    if (!c || (actor.role === 'lawyer' && !(await this.namesLawyer(caseId, actor)))) throw notFound('Case', caseId);
    if (c.route === 'duty_lawyer_help') {
      throw conflict('DUTY_LAWYER_HELP', 'a duty-lawyer-help case has no appointed lawyer and no appointment letter (Art 2 para 2)');
    }
    const active = await this.ds.manager.findOneBy(Assignment, { caseId, status: 'active' });
    if (!active) throw conflict('NO_ACTIVE_ASSIGNMENT', 'the case has no appointed lawyer yet');
    const lawyer = (await this.ds.manager.findOneBy(Lawyer, { id: active.lawyerId }))!;
    const count = await this.ds.manager.countBy(Assignment, { caseId });
    const date = localDateOf(this.clock.now(), this.config.courtTimezone);
    const body = await appointmentLetterDocx({
      center: this.config.legalAidCenter,
      courtName: c.courtName,
      courtCaseNo: c.courtCaseNo,
      defendantName: c.defendantName,
      charges: c.charges,
      lawyer: { name: lawyer.name, firm: lawyer.firm, phone: lawyer.phone },
      date,
      letterNo: `援函〔${date.slice(0, 4)}〕${c.id.slice(0, 8)}-${count}号`,
    });
    return { fileName: `appointment-letter-${c.courtCaseNo.replace(/[^\w-]+/g, '_')}-${count}.docx`, body };
  }

  /** The letter is the appointed lawyer's own while the appointment lasts; a replaced lawyer's is gone. */
  private namesLawyer(caseId: string, actor: Actor): Promise<boolean> {
    return this.ds.manager.existsBy(Assignment, { caseId, lawyerId: ownLawyerId(actor), status: 'active' });
  }
}
