// What the studio's browser tests share: the built server as a process, Debian's Chromium, and an
// organisation with an author (« Ada Autrice ») and a trainer (« Théo Formateur »), both signed in
// as the product does it (setup link, invitations accepted). Pages open in browser contexts of
// their own, signed in as either or as nobody; `close` ends everything the rig opened.
import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addAccountCookie, invitedMember, setupAdministrator } from './accounts.js';
import { launchChromium } from './browser.js';
import { startServerProcess } from './server-process.js';
import type { ServerProcess } from './server-process.js';

export interface StudioRig {
  server: ServerProcess;
  browser: Browser;
  /** The author's `Cookie` + `Origin` (for REST calls, or a page through `pageAs`). */
  author: Record<string, string>;
  trainer: Record<string, string>;
  /** A page at 1366×768 in French, in a new context signed in as `account` (null: nobody). */
  pageAs(account: Record<string, string> | null): Promise<Page>;
  close(): Promise<void>;
}

export async function startStudioRig(): Promise<StudioRig> {
  const server = await startServerProcess();
  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const admin = await setupAdministrator(server);
    const member = (role: string, email: string, name: string) =>
      invitedMember(server, admin, { email, role, name });
    const opened = browser;
    return {
      server,
      browser: opened,
      author: await member('author', 'autrice@example.org', 'Ada Autrice'),
      trainer: await member('trainer', 'formateur@example.org', 'Théo Formateur'),
      async pageAs(account) {
        const context = await opened.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
        contexts.push(context);
        if (account) await addAccountCookie(context, server, account);
        return context.newPage();
      },
      async close() {
        for (const context of contexts) await context.close().catch(() => undefined);
        await opened.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/**
 * The rig for one `describe`: started in its `beforeAll`, closed in its `afterAll`. What it
 * returns reads the started rig (use it inside the tests, not at collection time).
 */
export function studioRigForSuite(): StudioRig {
  let started: StudioRig | undefined;
  const rig = (): StudioRig => {
    if (!started) throw new Error('the studio rig is not started (use it inside a test)');
    return started;
  };
  beforeAll(async () => {
    started = await startStudioRig();
  }, 120_000);
  afterAll(() => started?.close());
  return {
    get server() {
      return rig().server;
    },
    get browser() {
      return rig().browser;
    },
    get author() {
      return rig().author;
    },
    get trainer() {
      return rig().trainer;
    },
    pageAs: (account) => rig().pageAs(account),
    close: () => rig().close(),
  };
}
