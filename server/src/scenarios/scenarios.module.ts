import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { ScenarioCatalog } from './scenario-catalog.js';
import { ScenariosController } from './scenarios.controller.js';

@Module({
  controllers: [ScenariosController],
  providers: [
    {
      provide: ScenarioCatalog,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ScenarioCatalog.loadFromDirectory(config.scenariosDir),
    },
  ],
  exports: [ScenarioCatalog],
})
export class ScenariosModule {}
