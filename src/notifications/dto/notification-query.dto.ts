import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OUTBOX_STATUSES, OutboxStatus } from '../outbox-mail.entity';
import { MAX_OFFSET } from '../../common/validation';

export class NotificationQueryDto {
  @IsOptional() @IsIn(OUTBOX_STATUSES) status?: OutboxStatus;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET) offset: number = 0;
}
