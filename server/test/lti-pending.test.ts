// LTI 1.3 across processes: the login's state and nonce are in the database (`lti_pending`), so
// the launch may reach another process — here the same SQLite file after a restart between the
// login and the launch. The state is consumed once: a replay is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ManualScheduler } from '@ecoute/engine';
import { SimulatedPlatform } from './lti-platform.js';
import { setupAdministrator, startServer } from './utils.js';
import type { TestServer } from './utils.js';

describe('LTI 1.3 state and nonce in the database', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-lti-pending-'));
  const databaseFile = path.join(dir, 'ecoute.sqlite');
  let platform: SimulatedPlatform;
  let server: TestServer | undefined;

  beforeAll(async () => {
    platform = await SimulatedPlatform.start();
  });
  afterAll(async () => {
    await server?.close();
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function post(url: string, idToken: string, state: string, cookie: string) {
    return fetch(`${url}/lti/launch`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: platform.url,
        cookie: cookie.split(';')[0]!,
      },
      body: new URLSearchParams({ id_token: idToken, state }),
    });
  }

  it('accepts a launch after a restart between the login and the launch, once', async () => {
    const first = await startServer({ scheduler: new ManualScheduler(), databaseFile });
    server = first;
    const admin = await setupAdministrator(first);
    const { url } = (await (
      await fetch(`${first.url}/api/lti/registration`, { headers: admin.headers })
    ).json()) as { url: string };
    const query = new URLSearchParams({
      openid_configuration: `${platform.url}/.well-known/openid-configuration`,
      registration_token: 'registration-token',
    });
    expect((await fetch(`${url.replace(/^http:\/\/localhost:\d+/, first.url)}?${query}`)).status).toBe(200);

    const login = await fetch(
      `${first.url}/lti/login?${new URLSearchParams({
        iss: platform.url,
        login_hint: 'user-hint',
        target_link_uri: `${first.url}/lti/launch`,
        client_id: platform.clientId,
      })}`,
      { redirect: 'manual' },
    );
    expect(login.status).toBe(302);
    const location = new URL(login.headers.get('location')!);
    const state = location.searchParams.get('state')!;
    const nonce = location.searchParams.get('nonce')!;
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('ecoute_lti_state='))!;

    // The process that drew the state stops; another one starts on the same database.
    await first.close();
    server = await startServer({ scheduler: new ManualScheduler(), databaseFile });
    const token = await platform.idToken(platform.claims(nonce, 'learner', 'learner-7'));
    const launched = await post(server.url, token, state, cookie);
    expect(launched.status).toBe(303);
    expect(launched.headers.get('location')).toMatch(/^\/ecoute\/[\w-]+#k=/);

    // Consumed: the same state and token again are refused, on this process as on any.
    const replay = await post(server.url, token, state, cookie);
    expect(await replay.json()).toMatchObject({ code: 'lti/invalid_state' });
  }, 60_000);
});
