import { IsBoolean, IsOptional } from 'class-validator';
import { IsInstant, QueryBoolean } from '../../common/validation';

/** POST /api/v1/cases/:id/file-reading-requests (Art 13). */
export class FileReadingRequestDto {
  @IsInstant() requestedAt: string;
  /** When the obstacle to reading the file (e.g. the file is with the appeal court) was removed. */
  @IsOptional() @IsInstant() obstacleClearedAt?: string;
}

/** PATCH /api/v1/file-reading-requests/:id: the court arranged it, or the obstacle went later. */
export class FileReadingUpdateDto {
  @IsOptional() @IsInstant() arrangedAt?: string;
  @IsOptional() @IsInstant() obstacleClearedAt?: string;
}

export class FileReadingQueryDto {
  @IsOptional() @QueryBoolean() @IsBoolean() overdue?: boolean;
}
