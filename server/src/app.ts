// Builds the Nest application: REST under /api, Socket.IO, and the built client with a
// single-page fallback. Used by main.ts and by the integration tests (port 0).
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { mountAuth } from './accounts/mount-auth.js';
import { checkServerKey } from './accounts/server-key-check.js';
import type { KeyCheck } from './accounts/server-key-check.js';
import { dropDrawnSecret, loadServerSecret } from './accounts/server-secret.js';
import { AppModule } from './app.module.js';
import type { AppOptions } from './app.module.js';
import type { AppConfig } from './config/env.js';
import { keyMismatchError } from './config/key-mismatch.js';
import { openStorage } from './database/database.module.js';
import type { Storage } from './database/database.module.js';
import { AccessService } from './auth/access.service.js';
import { DEBRIEF_PATH, debriefCompression } from './debrief/debrief.module.js';
import { DebriefService } from './debrief/debrief.service.js';
import { drawnPage, earlyLanesFor } from './debrief/early-lanes.js';
import { sendAnswer } from './debrief/encoded-answer.js';
import { clientPages } from './http/client-pages.js';
import { applyRequestGuards } from './http/request-guards.js';
import { LtiFrameAncestors } from './lti/frame-ancestors.js';
import { QuietBootLogger } from './logging/boot-lines.js';
import { BADGE_IMAGE_PATH, badgeImageBodyParser } from './badges/badges.controller.js';
import { LIBRARY_PATH, libraryBodyParser } from './studio/library.controller.js';
import { CLUSTER } from './cluster/cluster.js';
import type { Cluster } from './cluster/cluster.js';
import { RedisIoAdapter } from './cluster/redis-io-adapter.js';
import { SocketAdapter } from './gateway/io-adapter.js';

export async function createApp(
  config: AppConfig,
  options: AppOptions = {},
): Promise<NestExpressApplication> {
  const { secret, storage } = await openKeyedStorage(config);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forConfig(config, options, { secret, storage }),
    // Held until pino takes over (logging/), so that boot lines are JSON too.
    { bufferLogs: true, bodyParser: true },
  );
  // Nest's per-module start-up lines at debug (logging/boot-lines.ts).
  app.useLogger(new QuietBootLogger(app.get(Logger)));
  // Several processes: room broadcasts travel between them through Redis (cluster/).
  const cluster = app.get<Cluster | null>(CLUSTER);
  app.useWebSocketAdapter(cluster ? new RedisIoAdapter(app, cluster) : new SocketAdapter(app));
  // Accounts (better-auth) read their own bodies: mounted before the JSON parser.
  mountAuth(app);
  const ancestors = app.get(LtiFrameAncestors);
  applyRequestGuards(app, config, () => ancestors.directive());
  app.use(LIBRARY_PATH, libraryBodyParser());
  app.use(BADGE_IMAGE_PATH, badgeImageBodyParser());
  app.useBodyParser('json', { limit: '64kb' });
  app.use(DEBRIEF_PATH, debriefCompression());
  app.enableShutdownHooks();
  serveClient(app, config.clientDir);
  return app;
}

/**
 * The server key and the database, before Nest: a database sealed with another key refuses the
 * boot with a ConfigError (main.ts: exit 2) before anything reads or writes a sealed value, and a
 * key this boot drew is taken back; ECOUTE_FORGET_SEALED=1 starts anyway (accounts/server-key-check.ts).
 */
async function openKeyedStorage(config: AppConfig): Promise<{ secret: string; storage: Storage }> {
  const secret = loadServerSecret(config);
  const storage = await openStorage(config);
  let check: KeyCheck;
  try {
    check = await checkServerKey(storage.db, secret.value, { forgetSealed: config.forgetSealed });
  } catch (error) {
    await storage.close();
    throw error;
  }
  if (check.outcome === 'mismatch') {
    await storage.close();
    dropDrawnSecret(secret);
    throw keyMismatchError(config, secret);
  }
  if (check.outcome === 'forgotten') {
    const { roleLinks, badgeKeys, ltiKeys, accountSessions } = check.forgotten;
    // Plain text, as the start line: the operator asked for it, and reads what it cost.
    console.warn(
      `ECOUTE_FORGET_SEALED=1 : la base était scellée avec une autre clé ; oublié ce qu'elle scellait (${roleLinks} lien(s) gardé(s), ${badgeKeys} clé(s) de badges, ${ltiKeys} clé(s) LTI, ${accountSessions} connexion(s)) ; la clé actuelle est désormais celle de la base`,
    );
  }
  return { secret: secret.value, storage };
}

/** The operator's endpoints (health, metrics), served by Nest rather than the single-page app. */
const OPERATOR_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The built client, and index.html for every non-API path so that role links open the app (a
 * debrief link's with the hints of what its page needs first: `http/client-pages.ts`).
 */
function serveClient(app: NestExpressApplication, clientDir: string): void {
  const index = path.join(clientDir, 'index.html');
  if (!existsSync(index)) return;
  const pages = clientPages(clientDir);
  const access = app.get(AccessService);
  const debriefs = app.get(DebriefService);
  app.useStaticAssets(clientDir, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      req.path.startsWith('/api/') ||
      req.path.startsWith('/socket.io/') ||
      req.path.startsWith('/lti/')
    )
      return next();
    if (OPERATOR_PATHS.has(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    const hinted = pages.htmlFor(req.path);
    if (!hinted) return res.sendFile(index);
    // A debrief link's page for a signed-in trainer: its lanes drawn in (`debrief/early-lanes.ts`).
    // Tens of KiB of SVG for a long call: sent compressed as the request takes it, compressed
    // once and kept with the drawing.
    void earlyLanesFor(req, access, debriefs)
      .then((drawn) => {
        if (drawn === null) return void res.type('html').send(hinted);
        // One account's page: kept by no shared cache.
        res.setHeader('Cache-Control', 'private, no-cache');
        return sendAnswer(req, res, drawnPage(hinted, drawn), 'text/html; charset=utf-8');
      })
      .catch(next);
  });
}
