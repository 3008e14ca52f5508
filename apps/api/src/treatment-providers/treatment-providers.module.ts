import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TreatmentProviderEntity } from './treatment-provider.entity';
import { TreatmentProvidersController } from './treatment-providers.controller';
import { TreatmentProvidersService } from './treatment-providers.service';

/** The national register of approved private treatment providers (free choice, decision 105). */
@Module({
  imports: [TypeOrmModule.forFeature([TreatmentProviderEntity])],
  controllers: [TreatmentProvidersController],
  providers: [TreatmentProvidersService],
})
export class TreatmentProvidersModule {}
