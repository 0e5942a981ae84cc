import { Module } from '@nestjs/common';
import { CaseFactsQuery } from './queries/case-facts.query';
import { FairnessQuery } from './queries/fairness.query';
import { ObjectionsQuery } from './queries/objections.query';
import { StatsPeriods } from './queries/stats-period';
import { StatsController } from './stats.controller';
import { StatsExport } from './stats-export';
import { StatsService } from './stats.service';

/** What the justice bureau watches: coverage, fairness, deadline compliance. Read-only aggregate queries. */
@Module({
  controllers: [StatsController],
  providers: [StatsService, StatsExport, StatsPeriods, CaseFactsQuery, FairnessQuery, ObjectionsQuery],
})
export class StatsModule {}
