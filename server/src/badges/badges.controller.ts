// REST of Open Badges. Who may call each route is the policy table's (auth/policy.ts): the
// organisation's badges for its trainers and administrators (writes: administrators), a
// learner's badges through their debrief link, the verification documents for anyone.
import { Body, Controller, Delete, Get, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { json } from 'express';
import type { RequestHandler, Response } from 'express';
import {
  ErrorCode,
  badgeDefinitionSchema,
  badgeImageSchema,
  badgeRevokeSchema,
  failure,
} from '@ecoute/protocol';
import type {
  AwardedBadge,
  BadgeDefinition,
  BadgeDeleted,
  BadgeVerification,
  Failure,
} from '@ecoute/protocol';
import type { Access } from '../auth/access.service.js';
import { httpFailure, orThrow, parseBody } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import { BadgesService } from './badges.service.js';
import type { RubricCriterionChoice } from './badges.service.js';

/** A badge's picture travels as base64 in JSON: its route takes larger bodies than the rest. */
export const BADGE_IMAGE_PATH = '/api/badges/:badgeId/image';
export function badgeImageBodyParser(): RequestHandler {
  return json({ limit: '1500kb' });
}

const ID = /^[\w-]{1,80}$/;
function idOf(value: string): string {
  if (!ID.test(value)) throw httpFailure(failure(ErrorCode.BadgeNotFound));
  return value;
}

function memberOf(access: Access) {
  if (!access.member) throw httpFailure(failure(ErrorCode.AuthSignInRequired));
  return access.member;
}

function send(response: Response, type: string, body: Buffer | string | Failure): void {
  if (typeof body === 'object' && !Buffer.isBuffer(body)) throw httpFailure(body);
  response.status(200).type(type).send(body);
}

@Controller('api')
export class BadgesController {
  constructor(@Inject(BadgesService) private readonly badges: BadgesService) {}

  @Get('badges')
  async definitions(@CurrentAccess() access: Access): Promise<{ badges: BadgeDefinition[] }> {
    return { badges: await this.badges.definitions(memberOf(access).organizationId) };
  }

  @Get('badges/criteria')
  criteria(@CurrentAccess() access: Access): { criteria: RubricCriterionChoice[] } {
    return { criteria: this.badges.criteriaChoices(memberOf(access).organizationId) };
  }

  @Post('badges')
  async create(@Body() body: unknown, @CurrentAccess() access: Access): Promise<BadgeDefinition> {
    return orThrow(
      await this.badges.saveDefinition(memberOf(access), parseBody(badgeDefinitionSchema, body)),
    );
  }

  @Put('badges/:badgeId')
  async update(
    @Param('badgeId') badgeId: string,
    @Body() body: unknown,
    @CurrentAccess() access: Access,
  ): Promise<BadgeDefinition> {
    const request = parseBody(badgeDefinitionSchema, body);
    return orThrow(await this.badges.saveDefinition(memberOf(access), request, idOf(badgeId)));
  }

  /** Deleted if never issued; else hidden and no longer awarded, the issued ones still valid. */
  @Delete('badges/:badgeId')
  async remove(@Param('badgeId') badgeId: string, @CurrentAccess() access: Access): Promise<BadgeDeleted> {
    return orThrow(await this.badges.deleteDefinition(memberOf(access), idOf(badgeId)));
  }

  @Put('badges/:badgeId/image')
  async setImage(
    @Param('badgeId') badgeId: string,
    @Body() body: unknown,
    @CurrentAccess() access: Access,
  ): Promise<BadgeDefinition> {
    const { data } = parseBody(badgeImageSchema, body);
    return orThrow(await this.badges.setImage(memberOf(access), idOf(badgeId), data));
  }

  @Delete('badges/:badgeId/image')
  async removeImage(
    @Param('badgeId') badgeId: string,
    @CurrentAccess() access: Access,
  ): Promise<BadgeDefinition> {
    return orThrow(await this.badges.removeImage(memberOf(access), idOf(badgeId)));
  }

  @Get('badges/awards')
  async awards(@CurrentAccess() access: Access): Promise<{ awards: AwardedBadge[] }> {
    return { awards: await this.badges.awards(memberOf(access).organizationId) };
  }

  @Post('badges/awards/:awardId/revoke')
  async revoke(
    @Param('awardId') awardId: string,
    @Body() body: unknown,
    @CurrentAccess() access: Access,
  ): Promise<AwardedBadge> {
    const { reason } = parseBody(badgeRevokeSchema, body);
    return orThrow(await this.badges.revoke(memberOf(access), idOf(awardId), reason));
  }

  @Get('sessions/:sessionId/badges')
  async learnerBadges(@Param('sessionId') sessionId: string): Promise<{ awards: AwardedBadge[] }> {
    return { awards: await this.badges.learnerBadges(sessionId) };
  }

  // ── Public: what a verifier fetches ─────────────────────────────────────────

  @Get('badges/issuers/:organizationId')
  async profile(@Param('organizationId') organizationId: string): Promise<object> {
    return orThrow(await this.badges.profile(idOf(organizationId), 3));
  }

  @Get('badges/issuers/:organizationId/ob2')
  async ob2Profile(@Param('organizationId') organizationId: string): Promise<object> {
    return orThrow(await this.badges.profile(idOf(organizationId), 2));
  }

  @Get('badges/issuers/:organizationId/jwks')
  async jwks(@Param('organizationId') organizationId: string): Promise<object> {
    return orThrow(await this.badges.jwks(idOf(organizationId)));
  }

  @Get('badges/issuers/:organizationId/keys/:keyId')
  async key(@Param('organizationId') organizationId: string, @Param('keyId') keyId: string): Promise<object> {
    return orThrow(await this.badges.publicKey(idOf(organizationId), idOf(keyId)));
  }

  @Get('badges/issuers/:organizationId/status-list')
  async statusList(
    @Param('organizationId') organizationId: string,
    @Res() response: Response,
  ): Promise<void> {
    send(response, 'application/vc+jwt', await this.badges.statusList(idOf(organizationId)));
  }

  @Get('badges/achievements/:badgeId')
  async badgeClass(@Param('badgeId') badgeId: string): Promise<object> {
    return orThrow(await this.badges.badgeClass(idOf(badgeId)));
  }

  @Get('badges/achievements/:badgeId/image.png')
  async imagePng(@Param('badgeId') badgeId: string, @Res() response: Response): Promise<void> {
    send(response, 'image/png', await this.badges.image(idOf(badgeId), 'png'));
  }

  @Get('badges/credentials/:awardId')
  async assertion(@Param('awardId') awardId: string, @Res() response: Response): Promise<void> {
    const answer = orThrow(await this.badges.assertion(idOf(awardId)));
    // OB 2.0: a revoked hosted assertion answers 410 Gone with `revoked: true`.
    response
      .status(answer.revoked ? 410 : 200)
      .type('application/ld+json')
      .json(answer.document);
  }

  @Get('badges/credentials/:awardId/credential.jwt')
  async jwt(@Param('awardId') awardId: string, @Res() response: Response): Promise<void> {
    send(response, 'application/vc+jwt', await this.badges.credentialJwt(idOf(awardId)));
  }

  @Get('badges/credentials/:awardId/badge.png')
  async png(@Param('awardId') awardId: string, @Res() response: Response): Promise<void> {
    response.attachment('badge.png');
    send(response, 'image/png', await this.badges.baked(idOf(awardId), 'png'));
  }

  @Get('badges/credentials/:awardId/badge.svg')
  async svg(@Param('awardId') awardId: string, @Res() response: Response): Promise<void> {
    response.attachment('badge.svg');
    send(response, 'image/svg+xml', await this.badges.baked(idOf(awardId), 'svg'));
  }

  @Get('badges/credentials/:awardId/badge-ob2.png')
  async ob2Png(@Param('awardId') awardId: string, @Res() response: Response): Promise<void> {
    response.attachment('badge-ob2.png');
    send(response, 'image/png', await this.badges.baked(idOf(awardId), 'ob2-png'));
  }

  @Get('badges/credentials/:awardId/verification')
  async verification(@Param('awardId') awardId: string): Promise<BadgeVerification> {
    return orThrow(await this.badges.verification(idOf(awardId)));
  }
}
