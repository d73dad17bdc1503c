// A signed-in trainer for tests that run the built server as a process: the first boot's
// one-time setup link read from the start line (first administrator and organisation), then an
// invitation accepted by a trainer, as the product does it. One trainer per server, memoised.
/** The password of every account these helpers make. */
export const PASSWORD = 'un mot de passe de test';
/** The name of the server's trainer account (`signedInTrainer`, `signInContext`). */
export const TRAINER_NAME = 'Dominique';
const trainers = new Map<string, Promise<Record<string, string>>>();

/** What these helpers need of a running server (a ServerProcess, or any with its start line). */
export interface RunningServer {
  url: string;
  output: () => string;
}

function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
}

/** The setup token printed in the start line (`… /setup#k=<token> …`). */
export function setupToken(server: RunningServer): string {
  const match = /\/setup#k=([\w-]+)/.exec(server.output());
  if (!match?.[1]) throw new Error(`no setup link in the start line:\n${server.output()}`);
  return match[1];
}

/** The first administrator and organisation (the setup link works once): `Cookie` + `Origin`. */
export async function setupAdministrator(server: RunningServer): Promise<Record<string, string>> {
  const response = await fetch(`${server.url}/api/account/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({
      token: setupToken(server),
      name: 'Alex Admin',
      email: 'admin@example.org',
      password: PASSWORD,
      organizationName: 'Organisme de test',
    }),
  });
  await expectStatus(response, 201, 'setup');
  return { cookie: cookieOf(response), origin: server.url };
}

/**
 * A member invited by an administrator (`admin`: their headers) who accepts the invitation with
 * `name` and PASSWORD, signed in: their `Cookie` + `Origin`.
 */
export async function invitedMember(
  server: Pick<RunningServer, 'url'>,
  admin: Record<string, string>,
  invite: { email: string; role: string; name: string },
): Promise<Record<string, string>> {
  const invitation = await fetch(`${server.url}/api/organization/invitations`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ email: invite.email, role: invite.role }),
  });
  await expectStatus(invitation, 201, 'invitation');
  const { link } = (await invitation.json()) as { link: string };
  const accepted = await fetch(`${server.url}/api/account/invitations/${link.split('#i=')[1] ?? ''}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ name: invite.name, password: PASSWORD }),
  });
  await expectStatus(accepted, 201, 'accept');
  return { cookie: cookieOf(accepted), origin: server.url };
}

/** A trainer of the server's organisation, signed in: headers for its REST calls (memoised). */
export function signedInTrainer(server: RunningServer): Promise<Record<string, string>> {
  let trainer = trainers.get(server.url);
  if (!trainer) {
    trainer = setupAdministrator(server).then((admin) =>
      invitedMember(server, admin, { email: 'formatrice@example.org', role: 'trainer', name: TRAINER_NAME }),
    );
    trainers.set(server.url, trainer);
  }
  return trainer;
}

/** What a browser context needs to receive the account's cookie (playwright's BrowserContext). */
interface CookieJar {
  addCookies(
    cookies: { name: string; value: string; url: string; httpOnly?: boolean; sameSite?: 'Lax' }[],
  ): Promise<void>;
}

/** Signs a browser context in as the server's trainer (their HttpOnly cookie, as after a sign-in). */
export async function signInContext(context: CookieJar, server: RunningServer): Promise<void> {
  await addAccountCookie(context, server, await signedInTrainer(server));
}

/** Gives a browser context an account's HttpOnly cookie (`account`: its `Cookie` + `Origin`). */
export async function addAccountCookie(
  context: CookieJar,
  server: Pick<RunningServer, 'url'>,
  account: Record<string, string>,
): Promise<void> {
  await context.addCookies(
    (account['cookie'] ?? '').split('; ').flatMap((pair) => {
      const at = pair.indexOf('=');
      return at > 0
        ? [
            {
              name: pair.slice(0, at),
              value: pair.slice(at + 1),
              url: server.url,
              httpOnly: true,
              sameSite: 'Lax' as const,
            },
          ]
        : [];
    }),
  );
}
