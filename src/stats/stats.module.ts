import { Module } from '@nestjs/common';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

/** What the justice bureau watches: coverage, fairness, deadline compliance. Read-only aggregate queries. */
@Module({ controllers: [StatsController], providers: [StatsService] })
export class StatsModule {}
