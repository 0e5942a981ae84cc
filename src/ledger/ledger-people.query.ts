import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { User } from '../auth/user.entity';
import { chunks } from '../database/columns';
import { Lawyer } from '../lawyers/lawyer.entity';

/** Who recorded a duty-log entry: the user's name and the lawyer they are (if any). */
export type Recorder = Pick<User, 'id' | 'name' | 'lawyerId'>;

/** The ledger's read access to lawyers and users (names beside the entries, whether a lawyer exists). */
@Injectable()
export class LedgerPeopleQuery {
  constructor(private readonly ds: DataSource) {}

  lawyerExists(id: string): Promise<boolean> {
    return this.ds.getRepository(Lawyer).existsBy({ id });
  }

  async lawyerName(id: string): Promise<string | null> {
    return (await this.ds.getRepository(Lawyer).findOne({ select: { id: true, name: true }, where: { id } }))?.name ?? null;
  }

  /** The users among `ids`, with their names and lawyer links. */
  async recorders(ids: string[]): Promise<Recorder[]> {
    const users = this.ds.getRepository(User);
    const found = await Promise.all(
      chunks(ids).map((part) => users.find({ select: { id: true, name: true, lawyerId: true }, where: { id: In(part) } })),
    );
    return found.flat();
  }
}
