// Écoute as an LTI 1.3 tool (1EdTech LTI Core 1.3, LTI Advantage):
// - OIDC third-party login initiation (`login`): the platform named by `iss` (and `client_id`)
//   must be registered; a state and a nonce are drawn, kept in the database (`lti_pending`,
//   single use, 10 min: the launch may reach another process) and
//   the state also in a cookie `SameSite=None; Secure` (set inside the platform's iframe);
// - the launch (`launch`): the id_token verified against the platform's JWKS (`jose`: kid,
//   signature RS256, iss, aud, exp), then nonce, state, azp, iat, version, message type,
//   deployment, roles, subject, resource link (`lti-claims.ts`), each refusal coded;
// - a resource link lands in a session of its scenario: the learner as the listener, the
//   instructor in the trainer's console; Deep Linking lets the instructor pick the scenario;
// - Assignment and Grade Services: when the learner's call has its results kept, the score goes
//   to the line item (client credentials with a JWT assertion signed by the tool's key);
// - Names and Roles Provisioning Service 2.0: the course's members for the instructor's console,
//   with who has played this activity, whose grade went back and which badges they earned;
// - dynamic registration as Moodle 4 offers it (LTI Dynamic Registration 1.0).
// A launch names the page: the platform's given name, else a pseudonym (`pseudonym.ts`).
import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  SignJWT,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
} from 'jose';
import type { CryptoKey, JWK, JWTVerifyGetKey } from 'jose';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { CourseMember, CourseMembers, Failure } from '@ecoute/protocol';
import { LinkSeal } from '../auth/link-seal.js';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { DebriefStore } from '../debrief/debrief-store.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { SessionStore } from '../sessions/session-store.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { BadgesService } from '../badges/badges.service.js';
import { AGS_SCORE_SCOPE, CLAIM, INSTRUCTOR_ROLES, NRPS_SCOPE, checkLaunchClaims } from './lti-claims.js';
import type { LaunchReason } from './lti-claims.js';
import { LtiFrameAncestors } from './frame-ancestors.js';
import { LtiStore } from './lti-store.js';
import type { PlatformRecord } from './lti-store.js';
import { launchDisplayName } from './pseudonym.js';

const STATE_TTL_MS = 10 * 60_000;
const NRPS_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
/** NRPS pages followed (`Link: rel="next"`) before the list is cut: a course of a few thousand. */
const NRPS_MAX_PAGES = 20;
const ALG = 'RS256';
export const STATE_COOKIE = 'ecoute_lti_state';

export interface LoginParams {
  iss?: string;
  login_hint?: string;
  target_link_uri?: string;
  lti_message_hint?: string;
  client_id?: string;
  lti_deployment_id?: string;
}

/** What a login initiation leaves for its launch (table `lti_pending`, kind `login`). */
interface PendingLogin {
  nonce: string;
  platformId: string;
}
/** A Deep Linking choice in progress (kind `deep-link`): what the response needs. */
interface PendingDeepLink {
  platformId: string;
  deploymentId: string;
  returnUrl: string;
  data: string | null;
}

export type LaunchResult =
  | { kind: 'redirect'; location: string }
  | { kind: 'deep-linking'; token: string; scenarios: { id: string; title: string; summary: string }[] };

const REASON_MESSAGES: Record<LaunchReason, string> = {
  no_kid: "le jeton de la plateforme n'indique pas sa clé (kid)",
  unknown_kid: "la clé (kid) du jeton n'est pas dans le JWKS de la plateforme",
  bad_signature: 'la signature du jeton est invalide',
  wrong_issuer: "l'émetteur (iss) n'est pas la plateforme enregistrée",
  wrong_audience: "le jeton n'est pas destiné à cet outil (aud)",
  wrong_azp: "la partie autorisée (azp) n'est pas cet outil",
  expired: 'le jeton est expiré (exp)',
  issued_in_future: 'le jeton est daté du futur (iat ou nbf)',
  bad_nonce: 'nonce absent, inconnu ou déjà utilisé',
  wrong_version: 'version LTI différente de 1.3.0',
  no_message_type: 'type de message absent',
  unsupported_message_type: 'type de message non pris en charge',
  no_deployment_id: 'identifiant de déploiement absent',
  unknown_deployment: 'déploiement inconnu de cet outil',
  no_roles: 'rôles absents',
  no_resource_link_id: 'lien de ressource (resource_link.id) absent',
  no_subject: 'utilisateur (sub) absent',
  no_deep_link_return_url: 'adresse de retour du Deep Linking absente',
  bad_token: 'jeton illisible ou invalide',
};

function refused(reason: LaunchReason): Failure {
  return {
    ...failure(ErrorCode.LtiInvalidLaunch, `Lancement LTI refusé : ${REASON_MESSAGES[reason]}.`),
    reason,
  } as Failure;
}

@Injectable()
export class LtiService {
  private readonly logger = new Logger('LtiService');
  private readonly jwks = new Map<string, JWTVerifyGetKey>();
  private toolKey: Promise<{ id: string; privateKey: CryptoKey }> | undefined;

  constructor(
    @Inject(LtiStore) private readonly store: LtiStore,
    @Inject(LinkSeal) private readonly seal: LinkSeal,
    @Inject(SessionsService) private readonly sessionsService: SessionsService,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(DebriefStore) private readonly debrief: DebriefStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(LtiFrameAncestors) private readonly frameAncestors: LtiFrameAncestors,
    @Inject(BadgesService) private readonly badges: BadgesService,
  ) {}

  /** Every registered platform may frame the app (CSP frame-ancestors). */
  async loadFrameAncestors(): Promise<void> {
    for (const platform of await this.store.allPlatforms()) this.frameAncestors.add(platform.authLoginUrl);
  }

  base(): string {
    if (this.config.publicUrl) return this.config.publicUrl;
    const address = (
      this.adapterHost.httpAdapter?.getHttpServer() as
        { address(): { port: number } | string | null } | undefined
    )?.address();
    return `http://localhost:${address && typeof address === 'object' ? address.port : this.config.port}`;
  }

  // ── Keys ───────────────────────────────────────────────────────────────────

  private signingKey(): Promise<{ id: string; privateKey: CryptoKey }> {
    this.toolKey ??= (async () => {
      let row = await this.store.toolKey();
      if (!row) {
        const pair = await generateKeyPair(ALG, { modulusLength: 2048, extractable: true });
        const id = `lti-${randomBytes(8).toString('hex')}`;
        row = {
          id,
          public_jwk: JSON.stringify({ ...(await exportJWK(pair.publicKey)), kid: id, alg: ALG, use: 'sig' }),
          sealed_private_jwk: this.seal.seal(JSON.stringify(await exportJWK(pair.privateKey))),
          created_at: new Date().toISOString(),
        };
        await this.store.addToolKey(row);
      }
      const opened = this.seal.open(row.sealed_private_jwk);
      if (opened === null) throw new Error('lti/key_unsealable');
      return { id: row.id, privateKey: (await importJWK(JSON.parse(opened) as JWK, ALG)) as CryptoKey };
    })();
    this.toolKey.catch(() => (this.toolKey = undefined));
    return this.toolKey;
  }

  async toolJwks(): Promise<{ keys: JWK[] }> {
    await this.signingKey();
    return { keys: (await this.store.toolKeys()).map((k) => JSON.parse(k.public_jwk) as JWK) };
  }

  private async sign(
    payload: Record<string, unknown>,
    audience: string,
    issuer: string,
    lifetime = '5m',
  ): Promise<string> {
    const key = await this.signingKey();
    return new SignJWT(payload)
      .setProtectedHeader({ alg: ALG, kid: key.id, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(lifetime)
      .setJti(randomUUID())
      .sign(key.privateKey);
  }

  // ── Login and launch ───────────────────────────────────────────────────────

  /** OIDC login initiation: where to send the browser, and the state for its cookie. */
  async login(params: LoginParams, now = Date.now()): Promise<{ location: string; state: string } | Failure> {
    if (!params.iss || !params.login_hint || !params.target_link_uri)
      return failure(
        ErrorCode.LtiInvalidLaunch,
        'Initiation de connexion LTI incomplète : iss, login_hint et target_link_uri sont requis.',
      );
    const platforms = (await this.store.platforms(params.iss)).filter(
      (p) => params.client_id === undefined || p.clientId === params.client_id,
    );
    const platform = platforms[0];
    if (!platform) return failure(ErrorCode.LtiUnknownPlatform);
    await this.store.sweepPending(now);
    const state = randomBytes(24).toString('base64url');
    const nonce = randomBytes(24).toString('base64url');
    const pending: PendingLogin = { nonce, platformId: platform.id };
    await this.store.putPending('login', state, pending, now + STATE_TTL_MS);
    const url = new URL(platform.authLoginUrl);
    const query: Record<string, string> = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: platform.clientId,
      redirect_uri: `${this.base()}/lti/launch`,
      login_hint: params.login_hint,
      state,
      nonce,
      ...(params.lti_message_hint ? { lti_message_hint: params.lti_message_hint } : {}),
    };
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return { location: url.toString(), state };
  }

  private jwksOf(platform: PlatformRecord): JWTVerifyGetKey {
    let set = this.jwks.get(platform.id);
    if (!set) {
      set = createRemoteJWKSet(new URL(platform.jwksUrl), { cooldownDuration: 0 });
      this.jwks.set(platform.id, set);
    }
    return set;
  }

  async launch(
    idToken: unknown,
    state: unknown,
    cookieState: string | undefined,
    now = Date.now(),
  ): Promise<LaunchResult | Failure> {
    if (typeof state !== 'string' || typeof idToken !== 'string')
      return failure(ErrorCode.LtiInvalidState, 'Lancement LTI refusé : id_token ou state absent.');
    // The state (and its nonce) is in the database: the login may have reached another process.
    // A cookie of another login does not consume it; the first launch that takes it is the only one.
    if (!(await this.store.peekPending<PendingLogin>('login', state, now)))
      return failure(ErrorCode.LtiInvalidState);
    if (cookieState !== undefined && cookieState !== state)
      return failure(
        ErrorCode.LtiInvalidState,
        "Lancement LTI refusé : l'état ne correspond pas à celui de ce navigateur.",
      );
    const entry = await this.store.takePending<PendingLogin>('login', state, now);
    if (!entry) return failure(ErrorCode.LtiInvalidState);
    const platform = await this.store.platform(entry.platformId);
    if (!platform) return failure(ErrorCode.LtiUnknownPlatform);
    let header: { kid?: unknown };
    try {
      header = decodeProtectedHeader(idToken);
    } catch {
      return refused('bad_token');
    }
    if (typeof header.kid !== 'string' || header.kid === '') return refused('no_kid');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(idToken, this.jwksOf(platform), {
        issuer: platform.issuer,
        audience: platform.clientId,
        algorithms: [ALG],
        clockTolerance: 60,
        currentDate: new Date(now),
        requiredClaims: ['exp', 'iat', 'nonce'],
      }));
    } catch (error) {
      return refused(reasonOf(error));
    }
    // The nonce was drawn with the state and consumed with it: it cannot be used twice.
    if (payload['nonce'] !== entry.nonce) return refused('bad_nonce');
    const launch = checkLaunchClaims(payload, platform.deploymentIds, platform.clientId, now);
    if ('reason' in launch) return refused(launch.reason);
    if (launch.kind === 'deep-linking') {
      const token = randomBytes(24).toString('base64url');
      const pending: PendingDeepLink = {
        platformId: platform.id,
        deploymentId: launch.deploymentId,
        returnUrl: launch.returnUrl,
        data: launch.data,
      };
      await this.store.putPending('deep-link', token, pending, now + STATE_TTL_MS);
      return {
        kind: 'deep-linking',
        token,
        scenarios: this.catalog.list().map((s) => ({ id: s.id, title: s.title, summary: s.summary })),
      };
    }
    const scenarioId = launch.scenarioId ?? this.catalog.list()[0]?.id;
    if (!scenarioId || !this.catalog.get(scenarioId)) return failure(ErrorCode.ScenarioNotFound);
    const resourceLink = `${launch.deploymentId} ${launch.resourceLinkId}`;
    // The instructor opens the resource link's latest live session; a learner comes back to
    // their own live session, else takes the latest one nobody has claimed, else gets a new one.
    const isLive = async (record: { sessionId: string } | undefined) =>
      record !== undefined && (await this.sessions.find(record.sessionId))?.status === 'live';
    const current = await this.store.currentSession(platform.id, resourceLink);
    let sessionId: string;
    if (launch.instructor) {
      sessionId = (await isLive(current))
        ? current!.sessionId
        : await this.newSession(platform, resourceLink, scenarioId, now);
    } else {
      const own = await this.store.learnerSession(platform.id, resourceLink, launch.sub);
      if (await isLive(own)) sessionId = own!.sessionId;
      else if ((await isLive(current)) && current!.learnerSub === null) sessionId = current!.sessionId;
      else sessionId = await this.newSession(platform, resourceLink, scenarioId, now);
    }
    if (!launch.instructor) await this.store.claimLearner(sessionId, launch.sub, launch.lineitem);
    if (launch.membershipsUrl) await this.store.setMembershipsUrl(sessionId, launch.membershipsUrl);
    const links = await this.sessionsService.links(sessionId);
    if ('ok' in links) return links;
    const path = launch.instructor ? links.links.trainer : links.links.listener;
    // The page joins under this name at once (`n`, read by the client's RoleRoute and removed
    // from the address bar with the token); `p` says the tool chose it, the person may change it.
    const named = launchDisplayName(launch.name, platform.id, launch.sub);
    // `l` tells the trainer's console that a platform opened the session: only then does it ask
    // for the course's members (read by the client's `launchedFromPlatform`).
    const fragment = new URLSearchParams({
      n: named.name,
      ...(named.pseudonym ? { p: '1' } : {}),
      ...(launch.instructor ? { l: '1' } : {}),
    });
    this.logger.log(
      `lti/launch platform=${platform.id} session=${sessionId} role=${launch.instructor ? 'trainer' : 'listener'} named=${named.pseudonym ? 'pseudonym' : 'platform'}`,
    );
    return { kind: 'redirect', location: `${path}&${fragment.toString()}` };
  }

  private async newSession(
    platform: PlatformRecord,
    resourceLink: string,
    scenarioId: string,
    now: number,
  ): Promise<string> {
    const created = await this.sessionsService.create(
      { scenarioId },
      { ownerId: `lti:${platform.id}`, organizationId: platform.organizationId },
    );
    if ('ok' in created) throw new Error(created.code);
    await this.store.addSession({
      sessionId: created.sessionId,
      platformId: platform.id,
      resourceLink,
      learnerSub: null,
      lineitem: null,
      scoreSentAt: null,
      createdAt: new Date(now).toISOString(),
    });
    return created.sessionId;
  }

  // ── Deep Linking ───────────────────────────────────────────────────────────

  /** The Deep Linking response (a JWT signed by the tool) for the chosen scenario. */
  async deepLinkResponse(
    token: unknown,
    scenarioId: unknown,
  ): Promise<{ returnUrl: string; jwt: string } | Failure> {
    const now = Date.now();
    if (typeof token !== 'string' || !(await this.store.peekPending('deep-link', token, now)))
      return failure(ErrorCode.LtiInvalidState);
    const scenario = typeof scenarioId === 'string' ? this.catalog.get(scenarioId)?.scenario : undefined;
    if (!scenario) return failure(ErrorCode.ScenarioNotFound);
    const entry = await this.store.takePending<PendingDeepLink>('deep-link', token, now);
    if (!entry) return failure(ErrorCode.LtiInvalidState);
    const platform = await this.store.platform(entry.platformId);
    if (!platform) return failure(ErrorCode.LtiUnknownPlatform);
    const jwt = await this.sign(
      {
        nonce: randomBytes(16).toString('base64url'),
        [CLAIM.messageType]: 'LtiDeepLinkingResponse',
        [CLAIM.version]: '1.3.0',
        [CLAIM.deploymentId]: entry.deploymentId,
        ...(entry.data !== null ? { [CLAIM.data]: entry.data } : {}),
        [CLAIM.contentItems]: [
          {
            type: 'ltiResourceLink',
            title: scenario.title,
            text: scenario.summary,
            url: `${this.base()}/lti/launch`,
            custom: { scenario: scenario.id },
            lineItem: { scoreMaximum: 100, label: scenario.title },
          },
        ],
      },
      platform.issuer,
      platform.clientId,
    );
    return { returnUrl: entry.returnUrl, jwt };
  }

  // ── Assignment and Grade Services ──────────────────────────────────────────

  /** Sends the learner's score of a call opened by a launch, once its results are kept. */
  async sendScore(sessionId: string): Promise<boolean> {
    const record = await this.store.session(sessionId);
    if (!record?.lineitem || !record.learnerSub || record.scoreSentAt) return false;
    const platform = await this.store.platform(record.platformId);
    const results = await this.debrief.results(sessionId);
    if (!platform || !results) return false;
    const judgments = await this.debrief.judgments(sessionId);
    const assessed = results.rubric.filter((c) => c.assessed !== false);
    const points = assessed.map((c): number => {
      const judged = judgments.find((j) => j.criterion === c.criterion)?.rating;
      if (c.met === true || judged === 'met') return 1;
      return judged === 'partly' ? 0.5 : 0;
    });
    const scoreGiven =
      points.length === 0 ? 0 : Math.round((100 * points.reduce((a, b) => a + b, 0)) / points.length);
    try {
      const accessToken = await this.accessToken(platform, AGS_SCORE_SCOPE);
      const lineitem = new URL(record.lineitem);
      lineitem.pathname = `${lineitem.pathname.replace(/\/$/, '')}/scores`;
      const scored = await fetch(lineitem, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/vnd.ims.lis.v1.score+json',
        },
        body: JSON.stringify({
          userId: record.learnerSub,
          scoreGiven,
          scoreMaximum: 100,
          activityProgress: 'Completed',
          gradingProgress: 'FullyGraded',
          timestamp: new Date().toISOString(),
        }),
      });
      if (!scored.ok) throw new Error(`score ${scored.status}`);
      await this.store.scoreSent(sessionId, new Date().toISOString());
      this.logger.log(`lti/score_sent session=${sessionId} score=${scoreGiven}`);
      return true;
    } catch (error) {
      this.logger.warn(`lti/score_failed session=${sessionId} ${String(error)}`);
      return false;
    }
  }

  /** OAuth 2 client credentials with an RFC 7523 assertion (iss = sub = the client id, aud = the token endpoint). */
  private async accessToken(platform: PlatformRecord, scope: string): Promise<string> {
    const assertion = await this.sign({ sub: platform.clientId }, platform.tokenUrl, platform.clientId);
    const tokenResponse = await fetch(platform.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope,
      }),
    });
    if (!tokenResponse.ok) throw new Error(`token ${tokenResponse.status}`);
    const { access_token: accessToken } = (await tokenResponse.json()) as { access_token?: unknown };
    if (typeof accessToken !== 'string' || accessToken === '') throw new Error('token without access_token');
    return accessToken;
  }

  // ── Names and Roles Provisioning Service ───────────────────────────────────

  /**
   * The course's members (NRPS 2.0, every page), each with the calls of this activity they were
   * launched into, whether their grade went back, and the badges those calls earned them.
   */
  async members(sessionId: string): Promise<CourseMembers | Failure> {
    const record = await this.store.session(sessionId);
    const url = record && (await this.store.membershipsUrl(sessionId));
    const platform = record && (await this.store.platform(record.platformId));
    if (!record || !url || !platform) return failure(ErrorCode.LtiNoMembershipService);
    let container: { course: string | null; members: Record<string, unknown>[] };
    try {
      container = await this.membershipContainer(platform, url);
    } catch (error) {
      this.logger.warn(`lti/membership_failed session=${sessionId} ${String(error)}`);
      return failure(ErrorCode.LtiMembershipFailed);
    }
    const sessions = await this.store.sessionsOfResourceLink(platform.id, record.resourceLink);
    const badgesBySession = await this.badges.badgeNamesBySession(platform.organizationId);
    const members: CourseMember[] = [];
    for (const member of container.members) {
      const sub = member['user_id'];
      if (typeof sub !== 'string' || sub === '') continue;
      const roles = Array.isArray(member['roles']) ? (member['roles'] as unknown[]) : [];
      const given = typeof member['given_name'] === 'string' ? member['given_name'] : null;
      const full = typeof member['name'] === 'string' ? member['name'] : null;
      const named = launchDisplayName(given?.trim() || full?.trim() || null, platform.id, sub);
      const own = sessions.filter((s) => s.learnerSub === sub);
      let ended = 0;
      for (const s of own) if ((await this.sessions.find(s.sessionId))?.status === 'ended') ended++;
      members.push({
        name: named.name,
        pseudonym: named.pseudonym,
        role: roles.some((r) => typeof r === 'string' && INSTRUCTOR_ROLES.includes(roleUri(r)))
          ? 'instructor'
          : roles.some((r) => typeof r === 'string' && /(^|[#/])Learner$/.test(r))
            ? 'learner'
            : 'other',
        active: member['status'] !== 'Inactive' && member['status'] !== 'Deleted',
        calls: own.length,
        ended,
        scoreSent: own.some((s) => s.scoreSentAt !== null),
        badges: [...new Set(own.flatMap((s) => badgesBySession.get(s.sessionId) ?? []))],
      });
    }
    members.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return { course: container.course, members };
  }

  private async membershipContainer(
    platform: PlatformRecord,
    url: string,
  ): Promise<{ course: string | null; members: Record<string, unknown>[] }> {
    const accessToken = await this.accessToken(platform, NRPS_SCOPE);
    const members: Record<string, unknown>[] = [];
    let course: string | null = null;
    let next: string | null = url;
    for (let page = 0; next && page < NRPS_MAX_PAGES; page++) {
      // Only pages of the platform's own origin: the Link header must not send the token elsewhere.
      if (new URL(next).origin !== new URL(url).origin) throw new Error('next page on another origin');
      const response: Response = await fetch(next, {
        headers: { authorization: `Bearer ${accessToken}`, accept: NRPS_MEDIA_TYPE },
      });
      if (!response.ok) throw new Error(`memberships ${response.status}`);
      const body = (await response.json()) as { context?: { title?: unknown }; members?: unknown };
      if (!Array.isArray(body.members)) throw new Error('memberships without members');
      if (typeof body.context?.title === 'string') course ??= body.context.title;
      for (const m of body.members)
        if (m && typeof m === 'object') members.push(m as Record<string, unknown>);
      next = nextLink(response.headers.get('link'), next);
    }
    return { course, members };
  }

  // ── Dynamic registration ───────────────────────────────────────────────────

  /** The registration URL an administrator gives the platform (it names the organisation, sealed). */
  registrationUrl(organizationId: string): string {
    return `${this.base()}/lti/register/${this.seal.seal(`lti-register:${organizationId}`)}`;
  }

  async register(
    key: string,
    openidConfiguration: unknown,
    registrationToken: unknown,
  ): Promise<PlatformRecord | Failure> {
    const opened = this.seal.open(key);
    if (!opened?.startsWith('lti-register:'))
      return failure(ErrorCode.LtiRegistrationFailed, "Lien d'enregistrement LTI invalide.");
    const organizationId = opened.slice('lti-register:'.length);
    if (typeof openidConfiguration !== 'string' || !/^https?:\/\//.test(openidConfiguration))
      return failure(ErrorCode.LtiRegistrationFailed, 'openid_configuration absent ou invalide.');
    try {
      const config = (await (await fetch(openidConfiguration)).json()) as Record<string, unknown>;
      const issuer = String(config['issuer'] ?? '');
      if (!issuer || !new URL(openidConfiguration).href.startsWith(issuer))
        throw new Error('issuer does not match the configuration URL');
      const base = this.base();
      const response = await fetch(String(config['registration_endpoint']), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(typeof registrationToken === 'string' && registrationToken
            ? { authorization: `Bearer ${registrationToken}` }
            : {}),
        },
        body: JSON.stringify({
          application_type: 'web',
          response_types: ['id_token'],
          grant_types: ['implicit', 'client_credentials'],
          initiate_login_uri: `${base}/lti/login`,
          redirect_uris: [`${base}/lti/launch`],
          client_name: 'Écoute',
          jwks_uri: `${base}/lti/jwks`,
          token_endpoint_auth_method: 'private_key_jwt',
          scope: `${AGS_SCORE_SCOPE} ${NRPS_SCOPE}`,
          'https://purl.imsglobal.org/spec/lti-tool-configuration': {
            domain: new URL(base).host,
            target_link_uri: `${base}/lti/launch`,
            claims: ['iss', 'sub', 'name', 'given_name'],
            messages: [
              {
                type: 'LtiDeepLinkingRequest',
                target_link_uri: `${base}/lti/launch`,
                label: 'Écoute : choisir un scénario',
              },
            ],
          },
        }),
      });
      if (!response.ok) throw new Error(`registration ${response.status}`);
      const answer = (await response.json()) as Record<string, unknown>;
      const tool = answer['https://purl.imsglobal.org/spec/lti-tool-configuration'] as
        Record<string, unknown> | undefined;
      const deploymentId = tool?.['deployment_id'];
      const record: PlatformRecord = {
        id: `p-${randomUUID()}`,
        organizationId,
        issuer,
        clientId: String(answer['client_id']),
        deploymentIds: typeof deploymentId === 'string' ? [deploymentId] : [],
        authLoginUrl: String(config['authorization_endpoint']),
        tokenUrl: String(config['token_endpoint']),
        jwksUrl: String(config['jwks_uri']),
        createdAt: new Date().toISOString(),
      };
      await this.store.savePlatform(record);
      this.frameAncestors.add(record.authLoginUrl);
      this.logger.log(`lti/registered platform=${record.id} issuer=${issuer}`);
      return record;
    } catch (error) {
      return failure(
        ErrorCode.LtiRegistrationFailed,
        `L'enregistrement dynamique LTI a échoué : ${String((error as Error).message)}`,
      );
    }
  }

  async platformsOf(organizationId: string) {
    return (await this.store.platformsOf(organizationId)).map((p) => ({
      issuer: p.issuer,
      clientId: p.clientId,
      deploymentIds: p.deploymentIds,
      createdAt: p.createdAt,
    }));
  }
}

/** NRPS roles may be short (`Instructor`) or full URIs: the short ones are context roles. */
function roleUri(role: string): string {
  return role.includes('://') ? role : `http://purl.imsglobal.org/vocab/lis/v2/membership#${role}`;
}

/** The `rel="next"` target of an RFC 8288 Link header, resolved against the current page. */
function nextLink(header: string | null, current: string): string | null {
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (match?.[1]) return new URL(match[1], current).toString();
  }
  return null;
}

function reasonOf(error: unknown): LaunchReason {
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown_kid';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'wrong_issuer';
    if (error.claim === 'aud') return 'wrong_audience';
    if (error.claim === 'nbf' || error.claim === 'iat') return 'issued_in_future';
    if (error.claim === 'nonce') return 'bad_nonce';
  }
  return 'bad_token';
}
