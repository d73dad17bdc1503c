import { Controller, Get, Inject } from '@nestjs/common';
import type { ScenarioSummary } from '@ecoute/protocol';
import { ScenarioCatalog } from './scenario-catalog.js';

@Controller('api/scenarios')
export class ScenariosController {
  constructor(@Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog) {}

  @Get()
  list(): ScenarioSummary[] {
    return this.catalog.list();
  }
}
