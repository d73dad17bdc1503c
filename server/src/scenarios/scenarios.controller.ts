import { Controller, Get, Inject } from '@nestjs/common';
import type { ScenarioSummary } from '@ecoute/protocol';
import type { Access } from '../auth/access.service.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import { ScenarioCatalog } from './scenario-catalog.js';

// Public: the built-in calls for anyone; a signed-in member also gets their organisation's
// published calls (so the sessions page and the class form offer them).

@Controller('api/scenarios')
export class ScenariosController {
  constructor(@Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog) {}

  @Get()
  list(@CurrentAccess() access: Access): ScenarioSummary[] {
    return this.catalog.list(access.member?.organizationId);
  }
}
