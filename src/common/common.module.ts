import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, SystemClock } from './clock';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { IdempotencyService } from './idempotency/idempotency.service';

/** Shared plumbing every feature module may inject: the one clock and idempotency keys. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: CommonModule,
      imports: [TypeOrmModule.forFeature([IdempotencyKey])],
      providers: [{ provide: Clock, useValue: clock }, IdempotencyService],
      exports: [Clock, IdempotencyService],
    };
  }
}
