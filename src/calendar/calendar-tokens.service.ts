import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { type Actor, assertSelfOrStaff } from '../common/actor';
import { hashToken, newToken } from '../auth/tokens';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/config';
import { iso, newId } from '../database/columns';
import { Transactions } from '../database/transactions';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { CalendarToken } from './calendar-token.entity';

export interface FeedUrls {
  /** https (or http) URL of the .ics feed. */
  url: string;
  /** The same feed as webcal://, which phones open as "subscribe to calendar". */
  webcalUrl: string;
}

/** Issues and revokes the secret URLs of lawyers' personal feeds. */
@Injectable()
export class CalendarTokensService {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lawyers: LawyersQuery,
  ) {}

  /** A fresh token (256 random bits, only its hash stored); the lawyer's previous one stops working. */
  async issue(lawyerId: string, actor: Actor): Promise<FeedUrls> {
    assertSelfOrStaff(actor, lawyerId, 'manage the calendar feed');
    const token = newToken('cal');
    await this.tx.run(async (m) => {
      if (!(await this.lawyers.exists(m, lawyerId))) throw notFound('Lawyer', lawyerId);
      const now = iso(this.clock.now());
      const revoked = await m.update(CalendarToken, { lawyerId, revokedAt: IsNull() }, { revokedAt: now });
      await m.insert(CalendarToken, {
        id: newId(),
        lawyerId,
        tokenHash: hashToken(token),
        createdAt: now,
        createdBy: actor.id,
        revokedAt: null,
      });
      await this.audit.record(m, actor, 'calendar.token.issue', 'lawyer', lawyerId, { revokedPrevious: (revoked.affected ?? 0) > 0 });
    });
    const url = `${this.config.publicBaseUrl}/calendar/lawyers/${token}.ics`;
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
  }

  /** Revokes the lawyer's live token, if any (a lost phone, a lawyer leaving the pool). */
  async revoke(lawyerId: string, actor: Actor): Promise<void> {
    assertSelfOrStaff(actor, lawyerId, 'manage the calendar feed');
    await this.tx.run(async (m) => {
      if (!(await this.lawyers.exists(m, lawyerId))) throw notFound('Lawyer', lawyerId);
      const revoked = await m.update(CalendarToken, { lawyerId, revokedAt: IsNull() }, { revokedAt: iso(this.clock.now()) });
      if ((revoked.affected ?? 0) > 0) await this.audit.record(m, actor, 'calendar.token.revoke', 'lawyer', lawyerId);
    });
  }
}
