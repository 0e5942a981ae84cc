import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest } from '../common/errors';
import { iso, newId } from '../database/columns';
import { Transactions } from '../database/transactions';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Actor, SYSTEM_ACTOR } from './actor';
import { hashToken, newToken } from './tokens';
import { Role, User } from './user.entity';

export interface NewUser {
  name: string;
  role: Role;
  lawyerId?: string;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async actorForToken(token: string): Promise<Actor | null> {
    const user = await this.users.findOneBy({ tokenHash: hashToken(token), active: true });
    return user ? { id: user.id, name: user.name, role: user.role, lawyerId: user.lawyerId } : null;
  }

  /** Creates a user; the token is returned here once and only its hash is kept. */
  async create(input: NewUser, actor: Actor, token = newToken()) {
    if (input.role === 'lawyer' && !input.lawyerId) throw badRequest('lawyerId', 'is required for role lawyer');
    if (input.role !== 'lawyer' && input.lawyerId) throw badRequest('lawyerId', 'only users of role lawyer link to a lawyer');
    return this.tx.run(async (m) => {
      if (input.lawyerId && !(await m.existsBy(Lawyer, { id: input.lawyerId }))) {
        throw badRequest('lawyerId', 'no such lawyer');
      }
      const user = m.create(User, {
        id: newId(),
        name: input.name,
        role: input.role,
        lawyerId: input.lawyerId ?? null,
        tokenHash: hashToken(token),
        active: true,
        createdAt: iso(this.clock.now()),
      });
      await m.insert(User, user);
      await this.audit.record(m, actor, 'user.create', 'user', user.id, { name: user.name, role: user.role });
      return { id: user.id, name: user.name, role: user.role, lawyerId: user.lawyerId, token };
    });
  }

  /** BOOTSTRAP_ADMIN_TOKEN: the first admin, only while there is no user at all. */
  async bootstrapAdmin(token: string): Promise<void> {
    if ((await this.users.count()) > 0) return;
    try {
      await this.create({ name: 'admin', role: 'admin' }, SYSTEM_ACTOR, token);
      this.logger.log('bootstrap admin created');
    } catch (err) {
      // Another instance starting at the same moment created it (unique token hash).
      if ((await this.users.count()) === 0) throw err;
    }
  }
}
