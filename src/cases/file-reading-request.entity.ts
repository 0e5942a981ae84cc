import { Entity } from 'typeorm';
import { IdColumn, InstantColumn, LocalDateColumn, RefColumn } from '../database/columns';

/** 阅卷申请 (Art 13): the defence lawyer's request to read the file, and when the court arranged it. */
@Entity('file_reading_requests')
export class FileReadingRequest {
  @IdColumn() id: string;
  @RefColumn() caseId: string;
  @RefColumn() lawyerId: string;
  @InstantColumn() requestedAt: string;
  @InstantColumn({ nullable: true }) obstacleClearedAt: string | null;
  /** 3 working days from the request or the obstacle's removal. */
  @LocalDateColumn() arrangeBy: string;
  @InstantColumn({ nullable: true }) arrangedAt: string | null;
  @RefColumn({ nullable: true }) createdBy: string | null;
  @InstantColumn() createdAt: string;
}
