import { IsOptional, IsUUID } from 'class-validator';

/** The query of a stored pick's replay (issue 12 item 11). */
export class ReplayQueryDto {
  /** "Why not this lawyer": answered from the stored snapshot. */
  @IsOptional() @IsUUID() lawyerId?: string;
}
