// Open Badges: an organisation's badge definitions, awarding when a call's debrief results are
// kept (and again whenever its badges are read, so that a trainer's later judgment « atteint »
// counts), the documents each badge is verified with (OB 3.0 VC-JWT, OB 2.0 hosted), baking,
// revocation through the organisation's status list. An organisation's own picture per badge
// (`badge-image-upload.ts` checks it); deleting a badge: gone if never issued, else hidden and no
// longer awarded while every badge already issued stays valid and verifiable (its documents and
// picture still served; revoking is a separate, explicit act).
import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { SignJWT, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import type { JWK } from 'jose';
import { ErrorCode, failure } from '@ecoute/protocol';
import type {
  AwardedBadge,
  BadgeDefinition,
  BadgeDefinitionRequest,
  BadgeDeleted,
  BadgeVerification,
  Failure,
} from '@ecoute/protocol';
import { AuditStore } from '../accounts/audit-store.js';
import { MemberStore } from '../accounts/member-store.js';
import type { Membership } from '../accounts/member-store.js';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { DebriefStore } from '../debrief/debrief-store.js';
import { ScenarioCatalog } from '../scenarios/scenario-catalog.js';
import { SessionStore } from '../sessions/session-store.js';
import type { SessionListItem } from '../sessions/session-store.js';
import { badgePng, badgeSvg, uploadedPng, uploadedSvg } from './badge-image.js';
import { checkBadgeImage } from './badge-image-upload.js';
import {
  BadgeUrls,
  isoSeconds,
  jwtClaims,
  ob2Assertion,
  ob2BadgeClass,
  ob2Issuer,
  ob3Credential,
  ob3Profile,
  statusListCredential,
} from './badge-documents.js';
import { callMeets, criterionKey, learnerKey } from './badge-rule.js';
import { BadgeStore } from './badge-store.js';
import type { AwardRecord, DefinitionRecord } from './badge-store.js';
import { OB2_PNG_KEYWORD, OB3_PNG_KEYWORD, bakePng, bakeSvg } from './baking.js';
import { BADGE_ALG, IssuerKeys } from './issuer-keys.js';
import { encodeStatusList } from './status-list.js';

/** A criterion offered to badge definitions: one criterion of one call of the catalogue. */
export interface RubricCriterionChoice {
  /** The call (scenario id) and its title: two calls' criteria with the same ids are distinct. */
  scenario: string;
  scenarioTitle: string;
  competency: string;
  competencyLabel: string;
  criterion: string;
  label: string;
  /** The call's title (kept for clients that read it as a list). */
  scenarios: string[];
}

@Injectable()
export class BadgesService {
  private readonly logger = new Logger('BadgesService');
  /** One evaluation at a time per organisation (an award's status index is the next free one). */
  private readonly queues = new Map<string, Promise<unknown>>();
  private awardListeners: ((award: AwardRecord) => void)[] = [];

  constructor(
    @Inject(BadgeStore) private readonly store: BadgeStore,
    @Inject(IssuerKeys) private readonly keys: IssuerKeys,
    @Inject(DebriefStore) private readonly debrief: DebriefStore,
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(ScenarioCatalog) private readonly catalog: ScenarioCatalog,
    @Inject(MemberStore) private readonly members: MemberStore,
    @Inject(AuditStore) private readonly audit: AuditStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  onAward(listener: (award: AwardRecord) => void): void {
    this.awardListeners.push(listener);
  }

  /** Absolute URLs: ECOUTE_PUBLIC_URL, else this server on localhost (never the `Host` header). */
  urls(): BadgeUrls {
    if (this.config.publicUrl) return new BadgeUrls(this.config.publicUrl);
    const server = this.adapterHost.httpAdapter?.getHttpServer() as
      { address(): { port: number } | string | null } | undefined;
    const address = server?.address();
    const port = address && typeof address === 'object' ? address.port : this.config.port;
    return new BadgeUrls(`http://localhost:${port}`);
  }

  // ── Definitions ────────────────────────────────────────────────────────────

  /**
   * The criteria of the built-in calls' rubrics and of the organisation's published library
   * calls, one per call and criterion (the catalogue's merge: an organisation's call is listed
   * once, at its latest published version).
   */
  criteriaChoices(organizationId: string): RubricCriterionChoice[] {
    const choices = new Map<string, RubricCriterionChoice>();
    const scenarios = [
      ...this.catalog.list().map((summary) => this.catalog.get(summary.id)?.scenario),
      ...this.catalog.publishedBy(organizationId).map((c) => c.scenario),
    ];
    for (const scenario of scenarios) {
      if (!scenario) continue;
      for (const competency of scenario.rubric ?? [])
        for (const criterion of competency.criteria) {
          const choice = {
            scenario: scenario.id,
            scenarioTitle: scenario.title,
            competency: competency.id,
            competencyLabel: competency.label,
            criterion: criterion.id,
            label: criterion.label,
            scenarios: [scenario.title],
          };
          choices.set(criterionKey(choice), choice);
        }
    }
    return [...choices.values()];
  }

  async definitions(organizationId: string): Promise<BadgeDefinition[]> {
    const urls = this.urls();
    return (await this.store.definitions(organizationId)).map((d) => definitionOf(urls, d));
  }

  async saveDefinition(
    admin: Membership,
    request: BadgeDefinitionRequest,
    badgeId?: string,
  ): Promise<BadgeDefinition | Failure> {
    const choices = this.criteriaChoices(admin.organizationId);
    // A criterion naming its call must be one of that call's; one without (the API before calls
    // were named) must be in some call's rubric.
    const known = new Set([
      ...choices.map(criterionKey),
      ...choices.map((c) => criterionKey({ competency: c.competency, criterion: c.criterion })),
    ]);
    const unknown = request.criteria.filter((c) => !known.has(criterionKey(c)));
    if (unknown.length > 0)
      return failure(
        ErrorCode.InputInvalid,
        `Critère inconnu des grilles d'évaluation : ${unknown.map((c) => [c.scenario, c.competency, c.criterion].filter(Boolean).join('/')).join(', ')}.`,
      );
    const now = new Date().toISOString();
    let record: DefinitionRecord;
    if (badgeId !== undefined) {
      const existing = await this.store.definition(badgeId);
      if (!existing || existing.organizationId !== admin.organizationId || existing.deletedAt)
        return failure(ErrorCode.BadgeNotFound);
      record = { ...existing, ...request };
    } else {
      record = { id: `b-${randomUUID()}`, organizationId: admin.organizationId, createdAt: now, ...request };
    }
    await this.store.saveDefinition(record, now);
    await this.audit.record({
      organizationId: admin.organizationId,
      actor: admin.userId,
      action: badgeId ? 'badge-updated' : 'badge-created',
      target: record.id,
    });
    const retroactive = await this.awardPlayed(record);
    return { ...definitionOf(this.urls(), record), retroactiveAwards: retroactive.length };
  }

  /**
   * Retroactive award: when a badge is created or its criteria change, every learner of the
   * organisation whose ended calls already meet it earns it now (what a trainer expects: the
   * calls played before the badge existed count). Never throws: on failure nothing is awarded
   * now, and each session's next evaluation (its debrief read) awards it.
   */
  private async awardPlayed(badge: DefinitionRecord): Promise<AwardRecord[]> {
    const organizationId = badge.organizationId;
    const run = async (): Promise<AwardRecord[]> => {
      const ended = await this.sessions.list({ organizationId, status: 'ended' });
      const learners = new Map<string, { name: string; calls: SessionListItem[] }>();
      for (const call of ended)
        for (const p of call.participants) {
          if (p.role !== 'listener') continue;
          const key = learnerKey(p.name);
          const learner = learners.get(key) ?? { name: p.name, calls: [] };
          if (!learner.calls.includes(call)) learner.calls.push(call);
          learners.set(key, learner);
        }
      const awarded: AwardRecord[] = [];
      for (const [key, learner] of learners) {
        if (await this.store.awardOf(badge.id, key)) continue;
        const meeting = await this.meetingCalls(badge, learner.calls);
        if (meeting.length >= badge.minCalls)
          awarded.push(await this.issue(organizationId, badge, learner.name, key, meeting));
      }
      return awarded;
    };
    const awarded = await this.inQueue(organizationId, run).catch((error: unknown) => {
      this.logger.warn(`badge/retroactive_failed badge=${badge.id} ${String(error)}`);
      return [] as AwardRecord[];
    });
    if (awarded.length > 0) this.logger.log(`badge/retroactive badge=${badge.id} awards=${awarded.length}`);
    for (const award of awarded) for (const listener of this.awardListeners) listener(award);
    return awarded;
  }

  /** The ids of the calls (ended, of one learner) that count towards the badge. */
  private async meetingCalls(badge: DefinitionRecord, calls: readonly SessionListItem[]): Promise<string[]> {
    const meeting: string[] = [];
    for (const call of calls) {
      const [results, judgments] = await Promise.all([
        this.debrief.results(call.id),
        this.debrief.judgments(call.id),
      ]);
      if (results && callMeets(badge.criteria, call.scenarioId, results.rubric, judgments))
        meeting.push(call.id);
    }
    return meeting;
  }

  /** The organisation's badge, not deleted, or undefined. */
  private async ownBadge(admin: Membership, badgeId: string): Promise<DefinitionRecord | undefined> {
    const badge = await this.store.definition(badgeId);
    return badge && badge.organizationId === admin.organizationId && !badge.deletedAt ? badge : undefined;
  }

  /** The organisation's own picture for the badge (base64 of a PNG or an SVG), checked. */
  async setImage(admin: Membership, badgeId: string, base64: string): Promise<BadgeDefinition | Failure> {
    const badge = await this.ownBadge(admin, badgeId);
    if (!badge) return failure(ErrorCode.BadgeNotFound);
    const image = checkBadgeImage(Buffer.from(base64, 'base64'));
    if ('ok' in image) return image;
    await this.store.setImage(badgeId, { type: image.type, bytes: image.bytes }, new Date().toISOString());
    await this.audit.record({
      organizationId: admin.organizationId,
      actor: admin.userId,
      action: 'badge-image-changed',
      target: badgeId,
    });
    this.logger.log(`badge/image_set badge=${badgeId} type=${image.type} bytes=${image.bytes.length}`);
    return definitionOf(this.urls(), { ...badge, imageType: image.type });
  }

  /** Back to the drawn medal. */
  async removeImage(admin: Membership, badgeId: string): Promise<BadgeDefinition | Failure> {
    const badge = await this.ownBadge(admin, badgeId);
    if (!badge) return failure(ErrorCode.BadgeNotFound);
    await this.store.setImage(badgeId, null, new Date().toISOString());
    await this.audit.record({
      organizationId: admin.organizationId,
      actor: admin.userId,
      action: 'badge-image-changed',
      target: badgeId,
    });
    return definitionOf(this.urls(), { ...badge, imageType: null });
  }

  /**
   * Deletes a badge. Never issued: gone. Issued: no longer offered nor awarded, and every badge
   * already issued stays valid — its credential, hosted assertion, achievement and picture are
   * still served and it still verifies; an administrator revokes one explicitly if it must not.
   */
  async deleteDefinition(admin: Membership, badgeId: string): Promise<BadgeDeleted | Failure> {
    const badge = await this.ownBadge(admin, badgeId);
    if (!badge) return failure(ErrorCode.BadgeNotFound);
    // One organisation's evaluation at a time: an award in progress is not left without its badge.
    return this.inQueue(admin.organizationId, async () => {
      const issued = await this.store.awardCount(badgeId);
      const at = new Date().toISOString();
      if (issued === 0) await this.store.deleteDefinition(badgeId);
      else await this.store.markDeleted(badgeId, at);
      await this.audit.record({
        organizationId: admin.organizationId,
        actor: admin.userId,
        action: 'badge-deleted',
        target: badgeId,
      });
      return { ok: true as const, issued, kept: issued > 0 };
    });
  }

  /** Runs `task` after the organisation's evaluations in progress, before the next ones. */
  private inQueue<T>(organizationId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(organizationId) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.queues.set(
      organizationId,
      next.catch(() => undefined),
    );
    return next;
  }

  // ── Awarding ───────────────────────────────────────────────────────────────

  /**
   * Awards every badge of the session's organisation that its listener has now earned. Never
   * throws: an award not made now is made at the next evaluation.
   */
  async evaluate(sessionId: string): Promise<AwardRecord[]> {
    const session = await this.sessions.item(sessionId);
    if (!session?.organizationId || session.status !== 'ended') return [];
    const organizationId = session.organizationId;
    const run = async (): Promise<AwardRecord[]> => {
      const names = session.participants.filter((p) => p.role === 'listener').map((p) => p.name);
      const definitions = await this.store.definitions(organizationId);
      const awarded: AwardRecord[] = [];
      for (const name of new Set(names))
        for (const badge of definitions) {
          const award = await this.evaluateOne(organizationId, badge, name);
          if (award) awarded.push(award);
        }
      return awarded;
    };
    const previous = this.queues.get(organizationId) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch((error: unknown) => {
      this.logger.warn(`badge/evaluation_failed session=${sessionId} ${String(error)}`);
      return [] as AwardRecord[];
    });
    this.queues.set(organizationId, settled);
    const awarded = await settled;
    for (const award of awarded) for (const listener of this.awardListeners) listener(award);
    return awarded;
  }

  private async evaluateOne(
    organizationId: string,
    badge: DefinitionRecord,
    name: string,
  ): Promise<AwardRecord | null> {
    const key = learnerKey(name);
    if (await this.store.awardOf(badge.id, key)) return null;
    const calls = (await this.sessions.list({ organizationId, learner: name })).filter(
      (item) =>
        item.status === 'ended' &&
        item.participants.some((p) => p.role === 'listener' && learnerKey(p.name) === key),
    );
    const meeting = await this.meetingCalls(badge, calls);
    if (meeting.length < badge.minCalls) return null;
    return this.issue(organizationId, badge, name, key, meeting);
  }

  private async issue(
    organizationId: string,
    badge: DefinitionRecord,
    learner: string,
    key: string,
    sessions: string[],
  ): Promise<AwardRecord> {
    const urls = this.urls();
    const issuer = {
      organizationId,
      name: (await this.members.organizationName(organizationId)) ?? organizationId,
    };
    const id = randomUUID();
    const draft = {
      id,
      learner,
      learnerKey: key,
      issuedAt: isoSeconds(new Date()),
      statusIndex: await this.store.nextStatusIndex(organizationId),
    };
    const credential = ob3Credential(urls, issuer, badge, this.narrative(badge), draft, saltOf(id));
    const award: AwardRecord = {
      ...draft,
      organizationId,
      badgeId: badge.id,
      sessions,
      credentialJwt: await this.sign(organizationId, { ...credential, ...jwtClaims(credential) }),
      revokedAt: null,
      revocationReason: null,
    };
    await this.store.addAward(award);
    this.logger.log(`badge/awarded badge=${badge.id} award=${id} calls=${sessions.length}`);
    return award;
  }

  private async sign(organizationId: string, payload: Record<string, unknown>): Promise<string> {
    const key = await this.keys.signingKey(organizationId);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: BADGE_ALG, kid: this.urls().key(organizationId, key.id), typ: 'JWT' })
      .sign(key.privateKey);
  }

  /** The criteria in words, for the Achievement's `criteria.narrative`. */
  narrative(badge: DefinitionRecord): string {
    const choices = this.criteriaChoices(badge.organizationId);
    const labels = new Map(choices.map((c) => [criterionKey(c), c]));
    const items = badge.criteria.map((c) => {
      const choice =
        labels.get(criterionKey(c)) ??
        choices.find((x) => x.competency === c.competency && x.criterion === c.criterion);
      if (!choice) return `${c.competency} — ${c.criterion}`;
      const parts = c.scenario ? [choice.scenarioTitle] : [];
      return [...parts, choice.competencyLabel, choice.label].join(' — ');
    });
    const calls = badge.minCalls === 1 ? 'un appel simulé' : `${badge.minCalls} appels simulés`;
    return `Critères atteints dans au moins ${calls} (Écoute) : ${items.join(' ; ')}.`;
  }

  // ── Reading and revoking ───────────────────────────────────────────────────

  async awards(organizationId: string): Promise<AwardedBadge[]> {
    const [awards, definitions] = await Promise.all([
      this.store.awards(organizationId),
      this.store.definitions(organizationId, true),
    ]);
    return this.awardedOf(awards, definitions);
  }

  /** The badges of the session's learner (awarded first if now earned). */
  async learnerBadges(sessionId: string): Promise<AwardedBadge[]> {
    await this.evaluate(sessionId);
    const session = await this.sessions.item(sessionId);
    if (!session?.organizationId) return [];
    const keys = session.participants.filter((p) => p.role === 'listener').map((p) => learnerKey(p.name));
    const [awards, definitions] = await Promise.all([
      this.store.awardsOfLearners(session.organizationId, [...new Set(keys)]),
      this.store.definitions(session.organizationId, true),
    ]);
    return this.awardedOf(awards, definitions);
  }

  private awardedOf(awards: AwardRecord[], definitions: DefinitionRecord[]): AwardedBadge[] {
    const urls = this.urls();
    const names = new Map(definitions.map((d) => [d.id, d.name]));
    return awards.map((award) => {
      const base = urls.assertion(award.id);
      return {
        id: award.id,
        badgeId: award.badgeId,
        badgeName: names.get(award.badgeId) ?? award.badgeId,
        learner: award.learner,
        issuedAt: award.issuedAt,
        revoked: award.revokedAt !== null,
        revocationReason: award.revocationReason,
        verifyUrl: urls.verifyPage(award.id),
        downloads: {
          png: `${base}/badge.png`,
          svg: `${base}/badge.svg`,
          jwt: `${base}/credential.jwt`,
          ob2Png: `${base}/badge-ob2.png`,
          ob2Assertion: base,
        },
      };
    });
  }

  /** Per session of the organisation, the names of the (unrevoked) badges that counted it. */
  async badgeNamesBySession(organizationId: string): Promise<Map<string, string[]>> {
    const [awards, definitions] = await Promise.all([
      this.store.awards(organizationId),
      this.store.definitions(organizationId, true),
    ]);
    const names = new Map(definitions.map((d) => [d.id, d.name]));
    const bySession = new Map<string, string[]>();
    for (const award of awards) {
      if (award.revokedAt !== null) continue;
      for (const sessionId of award.sessions)
        bySession.set(sessionId, [
          ...(bySession.get(sessionId) ?? []),
          names.get(award.badgeId) ?? award.badgeId,
        ]);
    }
    return bySession;
  }

  /** The learner keys of the organisation's badges whose pseudonym `matches` (an RGPD request's person). */
  async learnerKeysWhere(organizationId: string, matches: (key: string) => boolean): Promise<string[]> {
    return (await this.store.learnerKeys(organizationId)).filter(matches);
  }

  /** A learner's badges in the organisation (`keys` from `learnerKeysWhere`), for their RGPD export. */
  async learnerAwards(organizationId: string, keys: readonly string[]): Promise<LearnerBadgeExport[]> {
    const [awards, definitions] = await Promise.all([
      this.store.awardsOfLearners(organizationId, keys),
      this.store.definitions(organizationId, true),
    ]);
    return this.awardedOf(awards, definitions).map((a) => ({
      badgeName: a.badgeName,
      issuedAt: a.issuedAt,
      revoked: a.revoked,
      revocationReason: a.revocationReason,
      verifyUrl: a.verifyUrl,
      credentialUrl: a.downloads.jwt,
    }));
  }

  /** Erases the badges of a learner in the organisation (`keys` from `learnerKeysWhere`), with their other data. */
  eraseLearner(organizationId: string, keys: readonly string[]): Promise<number> {
    return this.store.deleteLearner(organizationId, keys);
  }

  async revoke(admin: Membership, awardId: string, reason: string): Promise<AwardedBadge | Failure> {
    const award = await this.store.award(awardId);
    if (!award || award.organizationId !== admin.organizationId) return failure(ErrorCode.BadgeNotFound);
    await this.store.revoke(awardId, reason, new Date().toISOString());
    await this.audit.record({
      organizationId: admin.organizationId,
      actor: admin.userId,
      action: 'badge-revoked',
      target: awardId,
    });
    const [updated] = await this.awardedOf(
      [(await this.store.award(awardId))!],
      await this.store.definitions(admin.organizationId, true),
    );
    return updated!;
  }

  // ── Public documents ───────────────────────────────────────────────────────

  private async issuerOf(organizationId: string) {
    const name = await this.members.organizationName(organizationId);
    return name === undefined ? undefined : { organizationId, name };
  }

  async profile(organizationId: string, version: 2 | 3): Promise<object | Failure> {
    const issuer = await this.issuerOf(organizationId);
    if (!issuer) return failure(ErrorCode.BadgeNotFound);
    return version === 3 ? ob3Profile(this.urls(), issuer) : ob2Issuer(this.urls(), issuer);
  }

  async jwks(organizationId: string): Promise<{ keys: JWK[] } | Failure> {
    if (!(await this.issuerOf(organizationId))) return failure(ErrorCode.BadgeNotFound);
    return { keys: await this.keys.publicKeys(organizationId) };
  }

  async publicKey(organizationId: string, keyId: string): Promise<JWK | Failure> {
    const key = await this.store.key(keyId);
    if (!key || key.organizationId !== organizationId) return failure(ErrorCode.BadgeNotFound);
    return JSON.parse(key.publicJwk) as JWK;
  }

  /** The organisation's revocation list, a BitstringStatusListCredential secured as a VC-JWT. */
  async statusList(organizationId: string): Promise<string | Failure> {
    if (!(await this.issuerOf(organizationId))) return failure(ErrorCode.BadgeNotFound);
    const encoded = encodeStatusList(await this.store.revokedIndexes(organizationId));
    const credential = statusListCredential(this.urls(), organizationId, encoded, new Date());
    return this.sign(organizationId, {
      ...credential,
      iss: credential.issuer,
      jti: credential.id,
      sub: credential.credentialSubject.id,
      nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
    });
  }

  async badgeClass(badgeId: string): Promise<object | Failure> {
    const badge = await this.store.definition(badgeId);
    if (!badge) return failure(ErrorCode.BadgeNotFound);
    return ob2BadgeClass(this.urls(), badge, this.narrative(badge));
  }

  async image(badgeId: string, format: 'png' | 'svg'): Promise<Buffer | string | Failure> {
    const badge = await this.store.definition(badgeId);
    if (!badge) return failure(ErrorCode.BadgeNotFound);
    return format === 'png' ? this.pngOf(badge) : this.svgOf(badge);
  }

  /** The badge's picture as a PNG: the organisation's (an SVG rendered once per change), else drawn. */
  private async pngOf(badge: DefinitionRecord): Promise<Buffer> {
    if (!badge.imageType) return badgePng(badge.id);
    const image = await this.store.image(badge.id);
    return image ? uploadedPng(image) : badgePng(badge.id);
  }

  private async svgOf(badge: DefinitionRecord): Promise<string> {
    if (!badge.imageType) return badgeSvg(badge.id, badge.name);
    const image = await this.store.image(badge.id);
    return image ? uploadedSvg(image, badge.name) : badgeSvg(badge.id, badge.name);
  }

  /** The OB 2.0 hosted assertion (`revoked: true` once revoked). */
  async assertion(awardId: string): Promise<{ revoked: boolean; document: object } | Failure> {
    const award = await this.store.award(awardId);
    if (!award) return failure(ErrorCode.BadgeNotFound);
    return {
      revoked: award.revokedAt !== null,
      document: ob2Assertion(this.urls(), award, saltOf(award.id)),
    };
  }

  async credentialJwt(awardId: string): Promise<string | Failure> {
    const award = await this.store.award(awardId);
    return award ? award.credentialJwt : failure(ErrorCode.BadgeNotFound);
  }

  /** The badge image with its credential baked in: OB 3.0 PNG or SVG, or OB 2.0 PNG. */
  async baked(awardId: string, format: 'png' | 'svg' | 'ob2-png'): Promise<Buffer | string | Failure> {
    const award = await this.store.award(awardId);
    const badge = award && (await this.store.definition(award.badgeId));
    if (!award || !badge) return failure(ErrorCode.BadgeNotFound);
    if (format === 'svg') return bakeSvg(await this.svgOf(badge), award.credentialJwt);
    if (format === 'png') return bakePng(await this.pngOf(badge), OB3_PNG_KEYWORD, award.credentialJwt);
    return bakePng(await this.pngOf(badge), OB2_PNG_KEYWORD, this.urls().assertion(award.id));
  }

  /** What the public verification page shows, the signature checked against the published key. */
  async verification(awardId: string): Promise<BadgeVerification | Failure> {
    const award = await this.store.award(awardId);
    const badge = award && (await this.store.definition(award.badgeId));
    if (!award || !badge) return failure(ErrorCode.BadgeNotFound);
    const issuer = await this.issuerOf(award.organizationId);
    // Checked with the key the credential names (its `kid` URL ends with the key id).
    const keyId =
      String(decodeProtectedHeader(award.credentialJwt).kid ?? '')
        .split('/')
        .pop() ?? '';
    const key = await this.store.key(keyId);
    const signatureValid =
      key !== undefined &&
      key.organizationId === award.organizationId &&
      (await importJWK(JSON.parse(key.publicJwk) as JWK, BADGE_ALG)
        .then((publicKey) => jwtVerify(award.credentialJwt, publicKey, { algorithms: [BADGE_ALG] }))
        .then(
          () => true,
          () => false,
        ));
    return {
      id: award.id,
      badgeName: badge.name,
      description: badge.description,
      issuerName: issuer?.name ?? '',
      learner: award.learner,
      issuedAt: award.issuedAt,
      revoked: award.revokedAt !== null,
      revocationReason: award.revocationReason,
      signatureValid,
      criteria: this.narrative(badge),
    };
  }
}

/** One badge in a learner's RGPD export. */
export interface LearnerBadgeExport {
  badgeName: string;
  issuedAt: string;
  revoked: boolean;
  revocationReason: string | null;
  verifyUrl: string;
  credentialUrl: string;
}

function definitionOf(urls: BadgeUrls, d: DefinitionRecord): BadgeDefinition {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    criteria: d.criteria,
    minCalls: d.minCalls,
    createdAt: d.createdAt,
    url: urls.achievement(d.id),
    imageUrl: urls.image(d.id),
    imageType: d.imageType ?? null,
  };
}

/** A salt per award, public as OB requires it to be, and stable so every document agrees. */
function saltOf(awardId: string): string {
  return createHash('sha256').update(`salt:${awardId}`).digest('hex').slice(0, 16);
}
