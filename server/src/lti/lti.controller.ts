// The LTI 1.3 endpoints. Outside `/api/`: the platform posts forms to them from its own origin
// (the API's JSON-and-same-origin rule would refuse them); each checks what it receives itself.
// Who may call is the policy table's (anyone; the administrator's registration link is in /api).
import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Access } from '../auth/access.service.js';
import { httpFailure, orThrow } from '../auth/http-failure.js';
import { CurrentAccess } from '../auth/policy.guard.js';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { CourseMembers } from '@ecoute/protocol';
import { CLOSE_SCRIPT, deepLinkPicker, deepLinkReturn, registrationDone } from './lti-pages.js';
import { LtiService, STATE_COOKIE } from './lti.service.js';
import type { LoginParams } from './lti.service.js';

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const STATE_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: 'none',
  secure: true,
  partitioned: true,
  path: '/lti',
} as const;

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

@Controller()
export class LtiController {
  constructor(@Inject(LtiService) private readonly lti: LtiService) {}

  @Get('lti/login')
  async loginGet(@Query() query: LoginParams, @Res() res: Response): Promise<void> {
    await this.login(query, res);
  }

  @Post('lti/login')
  async loginPost(@Body() body: unknown, @Res() res: Response): Promise<void> {
    await this.login(asRecord(body) as LoginParams, res);
  }

  private async login(params: LoginParams, res: Response): Promise<void> {
    const answer = orThrow(await this.lti.login(params));
    // Inside the platform's iframe the cookie is third-party: SameSite=None, which browsers
    // accept only with Secure (http://localhost counts as secure in Chromium and Firefox), and
    // Partitioned (CHIPS): kept under the platform's site, so a browser that blocks third-party
    // cookies (Chromium does) still sends it back with the launch posted in the same frame.
    res.cookie(STATE_COOKIE, answer.state, { ...STATE_COOKIE_OPTIONS, maxAge: 600_000 });
    res.redirect(302, answer.location);
  }

  @Post('lti/launch')
  async launch(@Body() body: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = asRecord(body);
    const result = orThrow(
      await this.lti.launch(form['id_token'], form['state'], cookieOf(req, STATE_COOKIE)),
    );
    res.clearCookie(STATE_COOKIE, STATE_COOKIE_OPTIONS);
    if (result.kind === 'redirect') return res.redirect(303, result.location);
    res.status(200).type('html').send(deepLinkPicker(result.token, result.scenarios));
  }

  @Post('lti/deep-link')
  async deepLink(@Body() body: unknown, @Res() res: Response): Promise<void> {
    const form = asRecord(body);
    const answer = orThrow(await this.lti.deepLinkResponse(form['token'], form['scenario']));
    // The page posts its form to the platform: the CSP's `form-action 'self'` (helmet's default)
    // would stop the browser there, so this one answer also allows the return URL's origin.
    const csp = res.getHeader('content-security-policy');
    if (typeof csp === 'string')
      res.setHeader(
        'content-security-policy',
        csp.replace(/form-action [^;]*/, (directive) => `${directive} ${new URL(answer.returnUrl).origin}`),
      );
    res.status(200).type('html').send(deepLinkReturn(answer.returnUrl, answer.jwt));
  }

  @Get('lti/jwks')
  async jwks(): Promise<object> {
    return this.lti.toolJwks();
  }

  @Get('lti/close.js')
  close(@Res() res: Response): void {
    res.status(200).type('application/javascript').send(CLOSE_SCRIPT);
  }

  @Get('lti/register/:key')
  async register(
    @Param('key') key: string,
    @Query('openid_configuration') configuration: unknown,
    @Query('registration_token') token: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.lti.register(key, configuration, token);
    if ('ok' in result) {
      res.status(502).type('html').send(registrationDone(false, result.message));
      return;
    }
    res
      .status(200)
      .type('html')
      .send(registrationDone(true, `Plateforme ${result.issuer} (client ${result.clientId}).`));
  }

  /** NRPS: the course's members, for the session's trainer (its link) or an administrator. */
  @Get('api/sessions/:sessionId/lti/members')
  async members(@Param('sessionId') sessionId: string): Promise<CourseMembers> {
    return orThrow(await this.lti.members(sessionId));
  }

  @Get('api/lti/registration')
  async registration(@CurrentAccess() access: Access): Promise<object> {
    if (!access.member) throw httpFailure(failure(ErrorCode.AuthSignInRequired));
    return {
      url: this.lti.registrationUrl(access.member.organizationId),
      platforms: await this.lti.platformsOf(access.member.organizationId),
    };
  }
}
