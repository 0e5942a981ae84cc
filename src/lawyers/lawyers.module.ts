import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Lawyer } from './lawyer.entity';
import { LawyersController } from './lawyers.controller';
import { LawyersQuery } from './lawyers.query';
import { LawyersService } from './lawyers.service';
import { Unavailability } from './unavailability.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Lawyer, Unavailability])],
  controllers: [LawyersController],
  providers: [LawyersService, LawyersQuery],
  exports: [LawyersService, LawyersQuery],
})
export class LawyersModule {}
