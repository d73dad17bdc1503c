// The retention period: ended sessions older than their organisation's period (set by its
// administrators; else ECOUTE_RETENTION_DAYS, default 365; 0 keeps them forever) are deleted
// with all their rows, at boot and then once a day. Sessions hold
// learners' personal data (names, what they said): they are not kept longer than needed.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { OrganizationSettingsStore } from '../accounts/organization-settings-store.js';
import { SessionStore } from '../sessions/session-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

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
  const cutoff = (d: number): string => new Date(now.getTime() - d * DAY_MS).toISOString();
  const expired: string[] = [];
  if (days > 0)
    expired.push(
      ...(await store.endedBefore(cutoff(days), {
        exceptOrganizations: organizations.map((o) => o.organizationId),
      })),
    );
  for (const org of organizations)
    if (org.retentionDays > 0)
      expired.push(
        ...(await store.endedBefore(cutoff(org.retentionDays), { organizationId: org.organizationId })),
      );
  const purged: string[] = [];
  for (const id of expired) if (await store.delete(id)) purged.push(id);
  return purged;
}

@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    @Inject(SessionStore) private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OrganizationSettingsStore) private readonly settings: OrganizationSettingsStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.purge();
    this.timer = setInterval(() => void this.purge(), DAY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
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
      return purged;
    } catch (error) {
      this.logger.error(`retention/failed ${String(error)}`);
      return [];
    }
  }
}
