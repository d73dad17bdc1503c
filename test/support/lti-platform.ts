// A simulated LTI 1.3 platform for the tests (what Moodle 4 does, written from the LTI Core,
// Dynamic Registration and AGS specifications): its own keys (jose), OpenID configuration,
// registration endpoint, OIDC authorisation endpoint (the test builds the id_token itself),
// token endpoint (client credentials with the tool's JWT assertion, checked against the tool's
// JWKS) and a line item's scores endpoint. Real HTTP on port 0. For a browser (test/e2e): a
// course page that shows the tool in an iframe (`/course?tool=<tool origin>&role=learner`, its
// login initiation URL), and an authorisation endpoint that answers as a platform does — a form
// posted to the tool's redirect_uri with the id_token (response_mode form_post); with
// `&message=deep-linking` the instructor's launch is a Deep Linking request, and the platform's
// return URL checks the tool's signed answer and shows the activity added. Names and Roles
// (NRPS 2.0): a course's membership endpoint, paged (`Link: rel="next"`), that answers only
// an access token granted for the NRPS scope by the token endpoint.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { SignJWT, createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';

export const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
const AGS_SCORE_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';
const NRPS_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
export const ROLE = {
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
};

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });
}

export class SimulatedPlatform {
  readonly registrations: Record<string, unknown>[] = [];
  readonly scores: { authorization: string | undefined; body: Record<string, unknown> }[] = [];
  readonly tokenRequests: { assertionValid: boolean; scope: string | null }[] = [];
  /** The authorisation requests a browser made (`/auth`). */
  readonly authorizations: { redirect: string; state: string }[] = [];
  /** The membership requests the tool made (NRPS), with their token and Accept header. */
  readonly membershipRequests: {
    authorization: string | undefined;
    accept: string | undefined;
    page: number;
  }[] = [];
  /** The Deep Linking answers the tool posted back, verified with its JWKS. */
  readonly deepLinks: Record<string, unknown>[] = [];
  /** The course's members (NRPS `members`); `sub`s match the launches' subjects. */
  members: Record<string, unknown>[] = [
    {
      status: 'Active',
      name: 'Camille Martin',
      given_name: 'Camille',
      family_name: 'Martin',
      user_id: 'learner-42',
      roles: [ROLE.learner],
    },
    { status: 'Active', user_id: 'learner-anonymous', roles: ['Learner'] },
    {
      status: 'Active',
      name: 'Dominique Prof',
      given_name: 'Dominique',
      user_id: 'teacher-1',
      roles: [ROLE.instructor],
    },
    {
      status: 'Inactive',
      name: 'Sacha Parti',
      given_name: 'Sacha',
      user_id: 'learner-gone',
      roles: [ROLE.learner],
    },
  ];
  /** Members per page of the membership endpoint. */
  membersPerPage = 2;
  /** The membership endpoint answers 500 (a platform down). */
  membershipsFail = false;
  clientId = 'client-ecoute';
  deploymentId = 'deployment-1';
  kid = 'platform-key-1';
  private server!: Server;
  private privateKey!: CryptoKey;
  private jwk!: JWK;
  url = '';
  toolJwksUrl = '';

  static async start(): Promise<SimulatedPlatform> {
    const platform = new SimulatedPlatform();
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    platform.privateKey = privateKey;
    platform.jwk = { ...(await exportJWK(publicKey)), kid: platform.kid, alg: 'RS256', use: 'sig' };
    platform.server = createServer((req, res) => void platform.handle(req, res));
    await new Promise<void>((resolve) => platform.server.listen(0, '127.0.0.1', resolve));
    const address = platform.server.address() as { port: number };
    platform.url = `http://127.0.0.1:${address.port}`;
    return platform;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (path === '/.well-known/openid-configuration')
      return json(200, {
        issuer: this.url,
        authorization_endpoint: `${this.url}/auth`,
        token_endpoint: `${this.url}/token`,
        jwks_uri: `${this.url}/jwks`,
        registration_endpoint: `${this.url}/register`,
        'https://purl.imsglobal.org/spec/lti-platform-configuration': {
          product_family_code: 'moodle',
          version: '4.5',
        },
      });
    if (path === '/jwks') return json(200, { keys: [this.jwk] });
    if (path === '/course' || path === '/auth') return this.page(req, res, path);
    if (path === '/register' && req.method === 'POST') {
      if (req.headers.authorization !== 'Bearer registration-token')
        return json(401, { error: 'unauthorized' });
      const body = JSON.parse(await bodyOf(req)) as Record<string, unknown>;
      this.registrations.push(body);
      this.toolJwksUrl = String(body['jwks_uri']);
      return json(200, {
        ...body,
        client_id: this.clientId,
        'https://purl.imsglobal.org/spec/lti-tool-configuration': {
          ...(body['https://purl.imsglobal.org/spec/lti-tool-configuration'] as object),
          deployment_id: this.deploymentId,
        },
      });
    }
    if (path === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await bodyOf(req));
      let assertionValid: boolean;
      try {
        await jwtVerify(form.get('client_assertion') ?? '', createRemoteJWKSet(new URL(this.toolJwksUrl)), {
          issuer: this.clientId,
          subject: this.clientId,
          audience: `${this.url}/token`,
        });
        assertionValid = form.get('grant_type') === 'client_credentials';
      } catch {
        assertionValid = false;
      }
      this.tokenRequests.push({ assertionValid, scope: form.get('scope') });
      const scopes = (form.get('scope') ?? '').split(' ');
      return assertionValid
        ? json(200, {
            // One token per scope: the membership endpoint refuses the score's token.
            access_token: scopes.includes(NRPS_SCOPE) ? 'nrps-access-token' : 'platform-access-token',
            token_type: 'Bearer',
            expires_in: 3600,
            scope: form.get('scope'),
          })
        : json(401, { error: 'invalid_client' });
    }
    if (path === '/lineitems/7/lineitem/scores' && req.method === 'POST') {
      if (req.headers['content-type'] !== 'application/vnd.ims.lis.v1.score+json') return json(415, {});
      this.scores.push({
        authorization: req.headers.authorization,
        body: JSON.parse(await bodyOf(req)) as Record<string, unknown>,
      });
      return json(200, {});
    }
    if (path === '/memberships' && req.method === 'GET') {
      const page = Number(new URL(req.url ?? '/', this.url).searchParams.get('page') ?? '0');
      this.membershipRequests.push({
        authorization: req.headers.authorization,
        accept: req.headers.accept,
        page,
      });
      if (req.headers.authorization !== 'Bearer nrps-access-token')
        return json(401, { error: 'invalid_token' });
      if (this.membershipsFail) return json(500, { error: 'server_error' });
      const from = page * this.membersPerPage;
      const more = from + this.membersPerPage < this.members.length;
      res.writeHead(200, {
        'content-type': NRPS_MEDIA_TYPE,
        ...(more ? { link: `</memberships?page=${page + 1}>; rel="next"` } : {}),
      });
      res.end(
        JSON.stringify({
          id: `${this.url}/memberships`,
          context: { id: 'course-1', label: 'MN1', title: 'Médiation numérique' },
          members: this.members.slice(from, from + this.membersPerPage),
        }),
      );
      return;
    }
    if (path === '/deep-link-return' && req.method === 'POST') return this.deepLinkReturn(req, res);
    json(404, {});
  }

  /** The Deep Linking return URL: the tool's JWT checked with its keys, the activity shown. */
  private async deepLinkReturn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await bodyOf(req));
    try {
      const { payload } = await jwtVerify(
        form.get('JWT') ?? '',
        createRemoteJWKSet(new URL(this.toolJwksUrl)),
        {
          issuer: this.clientId,
          audience: this.url,
        },
      );
      this.deepLinks.push(payload);
      const items = payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as {
        title?: string;
      }[];
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Activité ajoutée</title></head><body><h1>Activité ajoutée au cours</h1><p>${(items[0]?.title ?? '').replace(/</g, '&lt;')}</p></body></html>`,
      );
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('invalid deep linking response');
    }
  }

  /** The browser's pages: the course with the tool in an iframe, and the OIDC authorisation. */
  private async page(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const query = new URL(req.url ?? '/', this.url).searchParams;
    const html = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Cours</title></head><body>${body}</body></html>`,
      );
    };
    const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    if (path === '/course') {
      const tool = query.get('tool') ?? '';
      const login = new URLSearchParams({
        iss: this.url,
        login_hint: query.get('role') === 'instructor' ? 'instructor' : 'learner',
        target_link_uri: `${tool}/lti/launch`,
        client_id: this.clientId,
        lti_deployment_id: this.deploymentId,
        ...(query.get('message') === 'deep-linking' ? { lti_message_hint: 'deep-linking' } : {}),
      });
      return html(
        `<h1>Médiation numérique</h1><iframe title="Écoute" width="1000" height="700" allow="microphone" src="${attr(`${tool}/lti/login?${login}`)}"></iframe>`,
      );
    }
    // The authorisation endpoint: the user is signed in to the platform; `login_hint` says who.
    const role = query.get('login_hint') === 'instructor' ? 'instructor' : 'learner';
    const redirect = query.get('redirect_uri') ?? '';
    const claims = this.claims(
      query.get('nonce') ?? '',
      role,
      role === 'learner' ? 'learner-browser' : 'teacher-browser',
    );
    const idToken = await this.idToken(
      query.get('lti_message_hint') === 'deep-linking' ? this.deepLinkingClaims(claims) : claims,
    );
    this.authorizations.push({ redirect, state: query.get('state') ?? '' });
    html(
      `<form method="post" action="${attr(redirect)}"><input type="hidden" name="id_token" value="${attr(idToken)}"><input type="hidden" name="state" value="${attr(query.get('state') ?? '')}"></form><script>document.forms[0].submit()</script>`,
    );
  }

  /** The claims of a good launch (resource link), to change per test. */
  claims(
    nonce: string,
    role: 'instructor' | 'learner',
    sub: string,
    scenario = 'appel-entrainement',
  ): JWTPayload {
    return {
      nonce,
      sub,
      name: role === 'learner' ? 'Camille Martin' : 'Dominique Prof',
      given_name: role === 'learner' ? 'Camille' : 'Dominique',
      [`${LTI}message_type`]: 'LtiResourceLinkRequest',
      [`${LTI}version`]: '1.3.0',
      [`${LTI}deployment_id`]: this.deploymentId,
      [`${LTI}target_link_uri`]: 'http://tool/lti/launch',
      [`${LTI}resource_link`]: { id: 'resource-link-1', title: 'Appel' },
      [`${LTI}roles`]: [role === 'learner' ? ROLE.learner : ROLE.instructor],
      [`${LTI}context`]: { id: 'course-1', title: 'Médiation numérique' },
      [`${LTI}custom`]: { scenario },
      'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
        scope: [AGS_SCORE_SCOPE],
        lineitems: `${this.url}/lineitems`,
        lineitem: `${this.url}/lineitems/7/lineitem`,
      },
      'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice': {
        context_memberships_url: `${this.url}/memberships`,
        service_versions: ['2.0'],
      },
    };
  }

  /** A resource link launch's claims made a Deep Linking request (return to `/deep-link-return`). */
  deepLinkingClaims(claims: JWTPayload): JWTPayload {
    const request: JWTPayload = {
      ...claims,
      [`${LTI}message_type`]: 'LtiDeepLinkingRequest',
      'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
        deep_link_return_url: `${this.url}/deep-link-return`,
        accept_types: ['ltiResourceLink'],
        accept_presentation_document_targets: ['iframe', 'window'],
        data: 'opaque-data',
      },
    };
    delete request[`${LTI}resource_link`];
    return request;
  }

  /** Signs an id_token as the platform (or with `key`/`header` changed for negative launches). */
  async idToken(
    claims: JWTPayload,
    options: {
      header?: Record<string, unknown>;
      key?: CryptoKey;
      iss?: string;
      aud?: string | string[];
      iat?: number;
      exp?: number;
    } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, iat: options.iat ?? now, exp: options.exp ?? now + 300 })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT', ...options.header } as { alg: string })
      .setIssuer(options.iss ?? this.url)
      .setAudience(options.aud ?? this.clientId)
      .sign(options.key ?? this.privateKey);
  }
}
