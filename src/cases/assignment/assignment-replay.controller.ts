import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Roles } from '../../common/access.decorators';
import { notFound } from '../../common/errors';
import { IdParam } from '../../common/id-param';
import { Assignment } from './assignment.entity';
import { Replay, replayPick } from './domain/replay';
import { ReplayQueryDto } from './dto/replay.dto';
import { ApiErrors } from '../../common/api-errors';

/** Issue 12 item 11: a stored pick ranked again from its snapshot (objections under Art 18 ask why this lawyer). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1')
export class AssignmentReplayController {
  constructor(@InjectRepository(Assignment) private readonly assignments: Repository<Assignment>) {}

  @Get('assignments/:id/replay')
  @Roles('dispatcher', 'supervisor')
  @ApiErrors('ASSIGNMENT_NOT_FOUND')
  async replay(@Param('id', IdParam) id: string, @Query() q: ReplayQueryDto): Promise<Replay> {
    const a = await this.assignments.findOneBy({ id });
    if (!a) throw notFound('Assignment', id);
    return replayPick(a.explanation, a.kind, q.lawyerId);
  }
}
