// The one guard of every REST route: the policy table decides (access.service.ts); the handler
// reads what was found with `@CurrentAccess()`.
import { Inject, Injectable, createParamDecorator } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AccessService } from './access.service.js';
import type { Access } from './access.service.js';

type RequestWithAccess = Request & { access?: Access };

@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(@Inject(AccessService) private readonly access: AccessService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<RequestWithAccess>();
    req.access = await this.access.check(req);
    return true;
  }
}

/** The access the guard granted to this request. */
export const CurrentAccess = createParamDecorator((_: unknown, context: ExecutionContext): Access => {
  const access = context.switchToHttp().getRequest<RequestWithAccess>().access;
  if (!access) throw new Error('PolicyGuard did not run');
  return access;
});
