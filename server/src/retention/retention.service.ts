// The retention period: ended sessions older than their organisation's period (set by its
// administrators; else ECOUTE_RETENTION_DAYS, default 365; 0 keeps them forever) are deleted
// with all their rows, at boot and then once a day; then the classes of the same age that have no
// call left, with their learners' pseudonyms. Sessions and classes hold learners' personal data
// (names, what they said): they are not kept longer than needed.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { OrganizationSettingsStore } from '../accounts/organization-settings-store.js';
import { ClassStore } from '../classroom/class-store.js';
import { SessionStore } from '../sessions/session-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the sessions that ended before `now - days` (`days` of their organisation in
 * `organizations`, else the default); resolves with their ids.
 */
type Scope = { organizationId?: string; exceptOrganizations?: readonly string[] };

/**
 * What is past its period: `find(cutoff, scope)` asked once with the default period for the
 * organisations without their own, then once per organisation with its own (0 keeps forever).
 */
async function pastPeriod(
  find: (cutoff: string, scope: Scope) => Promise<string[]>,
  days: number,
  now: Date,
  organizations: readonly { organizationId: string; retentionDays: number }[],
): Promise<string[]> {
  const cutoff = (d: number): string => new Date(now.getTime() - d * DAY_MS).toISOString();
  const expired: string[] = [];
  if (days > 0)
    expired.push(
      ...(await find(cutoff(days), { exceptOrganizations: organizations.map((o) => o.organizationId) })),
    );
  for (const org of organizations)
    if (org.retentionDays > 0)
      expired.push(...(await find(cutoff(org.retentionDays), { organizationId: org.organizationId })));
  return expired;
}

/**
 * Deletes the sessions that ended before `now - days` (`days` of their organisation in
 * `organizations`, else the default); resolves with their ids.
 */
export async function purgeExpired(
  store: SessionStore,
  days: number,
  now: Date,
  organizations: readonly { organizationId: string; retentionDays: number }[] = [],
): Promise<string[]> {
  const expired = await pastPeriod(
    (cutoff, scope) => store.endedBefore(cutoff, scope),
    days,
    now,
    organizations,
  );
  const purged: string[] = [];
  for (const id of expired) if (await store.delete(id)) purged.push(id);
  return purged;
}

/**
 * Deletes the classes created before `now - days` (same periods as the sessions) that have no
 * call left once the sessions are purged; resolves with their ids.
 */
export async function purgeExpiredClasses(
  store: ClassStore,
  days: number,
  now: Date,
  organizations: readonly { organizationId: string; retentionDays: number }[] = [],
): Promise<string[]> {
  return pastPeriod((cutoff, scope) => store.deleteExpired(cutoff, scope), days, now, organizations);
}

/** Deletes the live sessions nobody picked up within `ms` of their creation; resolves with their ids. */
export async function purgeUnclaimed(store: SessionStore, ms: number, now: Date): Promise<string[]> {
  if (ms <= 0) return [];
  const expired = await store.unclaimedBefore(new Date(now.getTime() - ms).toISOString());
  const purged: string[] = [];
  for (const id of expired) if (await store.delete(id)) purged.push(id);
  return purged;
}

@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: ReturnType<typeof setInterval> | undefined;
  private unclaimedTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OrganizationSettingsStore) private readonly settings: OrganizationSettingsStore,
    @Inject(ClassStore) private readonly classes: ClassStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Sessions never picked up expire (ECOUTE_UNCLAIMED_EXPIRY_MS): checked every tenth of it,
    // at most hourly, so that a creation flood does not leave its sessions for long.
    const unclaimed = this.config.unclaimedExpiryMs;
    if (unclaimed > 0) {
      this.unclaimedTimer = setInterval(
        () => void this.expireUnclaimed(),
        Math.max(1000, Math.min(unclaimed / 10, 3_600_000)),
      );
      this.unclaimedTimer.unref();
    }
    await this.purge();
    this.timer = setInterval(() => void this.purge(), DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.unclaimedTimer) clearInterval(this.unclaimedTimer);
  }

  /** One pass of the expiry of unclaimed sessions; never throws. */
  async expireUnclaimed(now = new Date()): Promise<string[]> {
    try {
      const purged = await purgeUnclaimed(this.sessions, this.config.unclaimedExpiryMs, now);
      if (purged.length > 0)
        this.logger.log(`retention/unclaimed ${purged.length} session(s) never picked up`);
      return purged;
    } catch (error) {
      this.logger.error(`retention/failed unclaimed ${String(error)}`);
      return [];
    }
  }

  /** One pass; never throws (a failed pass is logged and retried the next day). */
  async purge(now = new Date()): Promise<string[]> {
    try {
      const organizations = await this.settings.all();
      const purged = await purgeExpired(this.sessions, this.config.retentionDays, now, organizations);
      if (purged.length > 0)
        this.logger.log(
          `retention/purged ${purged.length} session(s) ended over their retention period (default ${this.config.retentionDays} days, ${organizations.length} organisation(s) with their own)`,
        );
      const classes = await purgeExpiredClasses(this.classes, this.config.retentionDays, now, organizations);
      if (classes.length > 0)
        this.logger.log(
          `retention/purged ${classes.length} class(es) over their retention period with no call left`,
        );
      return purged;
    } catch (error) {
      this.logger.error(`retention/failed ${String(error)}`);
      return [];
    }
  }
}
