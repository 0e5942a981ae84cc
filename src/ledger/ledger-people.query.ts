import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { User } from '../auth/user.entity';
import { chunks } from '../database/columns';

/** Who recorded a duty-log entry: the user's name and the lawyer they are (if any). */
export type Recorder = Pick<User, 'id' | 'name' | 'lawyerId'>;

/** The ledger's read access to users (who recorded an entry); lawyers are read through LawyersQuery. */
@Injectable()
export class LedgerPeopleQuery {
  constructor(private readonly ds: DataSource) {}

  /** The users among `ids`, with their names and lawyer links. */
  async recorders(ids: string[]): Promise<Recorder[]> {
    const users = this.ds.getRepository(User);
    const found = await Promise.all(
      chunks(ids).map((part) => users.find({ select: { id: true, name: true, lawyerId: true }, where: { id: In(part) } })),
    );
    return found.flat();
  }
}
