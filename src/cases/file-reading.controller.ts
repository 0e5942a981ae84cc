import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { FileReadingQueryDto, FileReadingRequestDto, FileReadingUpdateDto } from './dto/file-reading.dto';
import { FileReadingService } from './file-reading.service';
import { ApiErrors } from '../common/api-errors';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1')
export class FileReadingController {
  constructor(private readonly fileReading: FileReadingService) {}

  /** Art 13: the lawyer of the case records a file-reading request; the answer carries arrangeBy (3 working days). */
  @Post('cases/:id/file-reading-requests')
  @Roles('lawyer', 'dispatcher')
  @ApiErrors('CASE_NOT_FOUND', 'NO_ACTIVE_ASSIGNMENT')
  request(@Param('id', IdParam) id: string, @Body() dto: FileReadingRequestDto, @CurrentActor() actor: Actor) {
    return this.fileReading.request(id, dto, actor);
  }

  /** The court arranged the reading (`arrangedAt`), or the obstacle was removed later (`obstacleClearedAt`). */
  @Patch('file-reading-requests/:id')
  @Roles('lawyer', 'dispatcher', 'court_clerk')
  @ApiErrors('FILE_READING_REQUEST_NOT_FOUND', 'FILE_READING_ARRANGED')
  update(@Param('id', IdParam) id: string, @Body() dto: FileReadingUpdateDto, @CurrentActor() actor: Actor) {
    return this.fileReading.update(id, dto, actor);
  }

  /** Art 21: the centre watches overdue arrangements (`overdue=true`). */
  @Get('file-reading-requests')
  @Roles('dispatcher', 'supervisor')
  list(@Query() q: FileReadingQueryDto) {
    return this.fileReading.list(q);
  }
}
