import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/access.decorators';
import { RETRY_AFTER_S } from '../common/error.filter';
import { DatabaseHealth } from '../database/database-health';

@ApiTags('health')
@Controller('api/v1/health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: DatabaseHealth,
  ) {}

  /**
   * 200 {status: "ok", db: "up"}; 503 when the database does not answer, or when the last
   * write failed on a storage fault (full disk, I/O error, read-only file) and no write has
   * succeeded since.
   */
  @Get()
  @Public()
  @HttpCode(200)
  async check(@Res({ passthrough: true }) res: Response) {
    const down = () => {
      res.status(503).setHeader('Retry-After', String(RETRY_AFTER_S));
      return { status: 'error', db: 'down' };
    };
    if (this.health.lastFault) return { ...down(), fault: this.health.lastFault.code };
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', db: 'up' };
    } catch {
      return down();
    }
  }
}
