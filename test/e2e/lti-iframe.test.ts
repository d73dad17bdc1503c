// An LTI 1.3 launch as a learner's browser makes it, in a real Chromium: the simulated platform's
// course page (test/support/lti-platform.ts) shows the tool's login initiation URL in an iframe;
// the tool redirects the frame to the platform's authorisation endpoint, which posts the id_token
// back (form_post); the launch lands in the listener's console inside the frame. The state cookie
// is third-party there (`SameSite=None; Secure; Partitioned`, accepted on http://localhost; this
// Chromium blocks unpartitioned third-party cookies) and goes back with the launch. Only the registered platform may frame the app (CSP frame-ancestors).
// The launch names the page (the platform's given name): nobody types a name. The instructor's
// launch opens the trainer's console in the frame, with the course's members (NRPS); the
// instructor's Deep Linking picks a scenario in the frame and the frame goes back to the platform
// with the tool's signed answer (the CSP lets that one form post to the platform).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { setupAdministrator } from '../support/accounts.js';
import { launchChromium } from '../support/browser.js';
import { SimulatedPlatform } from '../support/lti-platform.js';
import { startServerProcess } from '../support/server-process.js';
import type { ServerProcess } from '../support/server-process.js';

describe('LTI launch inside the platform iframe', () => {
  let server: ServerProcess;
  let platform: SimulatedPlatform;
  let browser: Browser;
  let context: BrowserContext;
  /** The tool as the frame reaches it: localhost (a secure context on http), not 127.0.0.1. */
  let tool = '';
  let learnerPage: Page | undefined;

  beforeAll(async () => {
    platform = await SimulatedPlatform.start();
    server = await startServerProcess();
    tool = server.url.replace('127.0.0.1', 'localhost');
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 } });
    // Dynamic registration, as an administrator does it from Moodle.
    const admin = await setupAdministrator(server);
    const { url } = (await (
      await fetch(`${server.url}/api/lti/registration`, { headers: admin })
    ).json()) as {
      url: string;
    };
    const query = new URLSearchParams({
      openid_configuration: `${platform.url}/.well-known/openid-configuration`,
      registration_token: 'registration-token',
    });
    const registered = await fetch(`${url.replace(/^http:\/\/localhost:\d+/, server.url)}?${query}`);
    expect(registered.status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await platform?.close();
  });

  it("lands the learner in the listener console inside the course's iframe, the state cookie sent back", async () => {
    const page = await context.newPage();
    const launches: Promise<Record<string, string>>[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${tool}/lti/launch`)
        launches.push(request.allHeaders());
    });
    await page.goto(`${platform.url}/course?${new URLSearchParams({ tool, role: 'learner' })}`);
    const frame = page.frameLocator('iframe[title="Écoute"]');
    // Named by the platform: the console at once, no name to type.
    await frame.getByText('Vous : Camille.').waitFor({ timeout: 60_000 });
    expect(await frame.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).count()).toBe(0);
    // The frame went through the platform's authorisation endpoint and posted the launch.
    expect(platform.authorizations).toHaveLength(1);
    expect(platform.authorizations[0]!.redirect).toBe(`${tool}/lti/launch`);
    const state = platform.authorizations[0]!.state;
    expect(launches).toHaveLength(1);
    expect((await launches[0]!)['cookie']).toContain(`ecoute_lti_state=${state}`);
    // The listener's console, inside the frame, joined under that name (the call can be picked up).
    const inner = page.frames().find((f) => f.url().startsWith(`${tool}/ecoute/`));
    expect(inner).toBeDefined();
    expect(inner!.url()).not.toContain('#');
    await frame.getByRole('button', { name: /Décrocher/ }).waitFor();
    // Left open: the instructor's console sees them connected under that name.
    learnerPage = page;
  }, 120_000);

  it("opens the instructor's trainer console inside the frame, named, with the course's members", async () => {
    const page = await context.newPage();
    const launches: Promise<Record<string, string>>[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${tool}/lti/launch`)
        launches.push(request.allHeaders());
    });
    await page.goto(`${platform.url}/course?${new URLSearchParams({ tool, role: 'instructor' })}`);
    const frame = page.frameLocator('iframe[title="Écoute"]');
    await frame.getByRole('heading', { level: 1, name: /^Formateur·rice — / }).waitFor({ timeout: 60_000 });
    await frame.getByText('Vous : Dominique.').waitFor();
    // The state cookie went back with the instructor's launch too (third-party, partitioned).
    expect(launches).toHaveLength(1);
    expect((await launches[0]!)['cookie']).toContain(
      `ecoute_lti_state=${platform.authorizations.at(-1)!.state}`,
    );
    expect(page.frames().some((f) => f.url().startsWith(`${tool}/animation/`))).toBe(true);
    // The course's members, from the platform (NRPS), in the « people » tab.
    await frame.getByRole('tab', { name: 'Liens et présents' }).click();
    const members = frame.getByRole('table', { name: /participant·e du cours/ });
    await members.waitFor();
    await members.getByRole('rowheader', { name: 'Camille' }).waitFor();
    await members.getByRole('rowheader', { name: /Sacha/ }).waitFor();
    expect(platform.membershipRequests.map((r) => r.authorization)).toContain('Bearer nrps-access-token');
    // The same activity's session: the learner launched before is there, under the platform's name.
    await frame.locator('.presence').getByText('Camille').waitFor();
    await learnerPage?.close();
    await page.close();
  }, 120_000);

  it('lets the instructor pick a scenario by Deep Linking inside the frame, and returns to the platform', async () => {
    const page = await context.newPage();
    const query = new URLSearchParams({ tool, role: 'instructor', message: 'deep-linking' });
    await page.goto(`${platform.url}/course?${query}`);
    const frame = page.frameLocator('iframe[title="Écoute"]');
    await frame
      .getByRole('heading', { name: "Choisir le scénario de l'activité" })
      .waitFor({ timeout: 60_000 });
    await frame
      .getByRole('button', { name: 'Choisir « Escalade de détresse : une menace de suicide »' })
      .click();
    // The tool's answer is posted by the frame to the platform, which shows the activity added.
    await frame.getByRole('heading', { name: 'Activité ajoutée au cours' }).waitFor({ timeout: 60_000 });
    await frame.getByText('Escalade de détresse : une menace de suicide').waitFor();
    expect(page.frames().some((f) => f.url() === `${platform.url}/deep-link-return`)).toBe(true);
    expect(platform.deepLinks).toHaveLength(1);
    expect(platform.deepLinks[0]).toMatchObject({
      'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingResponse',
      'https://purl.imsglobal.org/spec/lti-dl/claim/data': 'opaque-data',
      'https://purl.imsglobal.org/spec/lti-dl/claim/content_items': [
        expect.objectContaining({ type: 'ltiResourceLink', custom: { scenario: 'detresse-suicidaire' } }),
      ],
    });
    await page.close();
  }, 120_000);

  it('refuses to be framed by a page that is not the registered platform (frame-ancestors)', async () => {
    const page = await context.newPage();
    // The same course page from another origin (localhost instead of the registered 127.0.0.1).
    const elsewhere = platform.url.replace('127.0.0.1', 'localhost');
    const refused = new Promise<string>((resolve) =>
      page.on('console', (message) => {
        if (message.text().includes('frame-ancestors')) resolve(message.text());
      }),
    );
    await page.goto(`${elsewhere}/course?${new URLSearchParams({ tool, role: 'learner' })}`);
    expect(await refused).toContain('frame-ancestors');
    expect(
      await page
        .frameLocator('iframe[title="Écoute"]')
        .getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' })
        .count(),
    ).toBe(0);
    await page.close();
  }, 120_000);
});
