// The OpenAPI 3.1 document of the REST API, built from `API_ROUTES` and the protocol's zod schemas
// with zod 4's own `z.toJSONSchema` (JSON Schema 2020-12, the dialect of OpenAPI 3.1): the
// request shapes are the very schemas the controllers parse with, never written a second time.
import { z } from 'zod';
import { ErrorCode, PROTOCOL_VERSION } from '@ecoute/protocol';
import { POLICY, ROUTE_ACTIONS } from '../auth/policy.js';
import { API_ROUTES } from './api-routes.js';
import type { Access, ApiRoute } from './api-routes.js';

type JsonSchema = Record<string, unknown>;

/** The body of every refusal: `{ ok: false, code, message }`, the codes of the protocol. */
const failureSchema = z.object({
  ok: z.literal(false),
  code: z.enum(Object.values(ErrorCode) as [string, ...string[]]),
  message: z.string().describe('Pour les personnes, en français.'),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** `/api/sessions/:sessionId` → `/api/sessions/{sessionId}`. */
/**
 * A route's refusals: those its entry names, and `auth/not_session_owner` wherever its rule lets
 * a member act on the sessions they created only (`own`): read from the policy, never listed by hand.
 */
function refusalsOf(route: ApiRoute): string[] {
  const action = ROUTE_ACTIONS[`${route.method.toUpperCase()} ${route.path}`];
  const members: Record<string, string | undefined> = action ? POLICY[action].members : {};
  const own = Object.values(members).includes('own');
  const named: string[] = route.errors ?? [];
  return own && !named.includes('auth/not_session_owner') ? [...named, 'auth/not_session_owner'] : named;
}

export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

const SECURITY: Record<Access, Record<string, string[]>[] | undefined> = {
  public: undefined,
  role: [{ roleToken: [] }, { account: [] }],
  trainer: [{ roleToken: [] }, { account: [] }],
  admin: [{ account: [] }],
  member: [{ account: [] }],
  metrics: [{ metricsToken: [] }, {}],
};

const ACCESS_WORDS: Record<Access, string> = {
  public: '',
  role: 'Jeton de rôle de la séance, ou le compte de son ou sa formateur·rice (cookie).',
  trainer:
    "Jeton du formateur ou de la formatrice, ou son compte (cookie), ou un·e administrateur·rice de l'organisme.",
  admin: "Compte d'administrateur·rice de l'organisme (cookie).",
  member: "Compte d'un membre de l'organisme (cookie).",
  metrics: 'Jeton de métriques quand ECOUTE_METRICS_TOKEN est défini.',
};

function operation(route: ApiRoute): Record<string, unknown> {
  const parameters = [
    ...Object.entries(route.params ?? {}).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema: jsonSchema(schema, 'input'),
    })),
    ...Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: !(schema as z.ZodType).safeParse(undefined).success,
      schema: jsonSchema(schema as z.ZodType, 'input'),
    })),
  ];
  const contentType = route.ok.contentType ?? 'application/json';
  const responses: Record<string, unknown> = {
    [String(route.ok.status)]: {
      description: route.ok.description,
      ...(route.ok.schema || contentType !== 'application/json'
        ? {
            content: {
              [contentType]: {
                schema: route.ok.schema ? jsonSchema(route.ok.schema, 'output') : { type: 'string' },
              },
            },
          }
        : {}),
    },
  };
  const errors = refusalsOf(route);
  if (errors.length) {
    responses.default = {
      description: `Refus : ${errors.join(', ')}.`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Failure' } } },
    };
  }
  const security = SECURITY[route.access];
  return {
    tags: [route.tag],
    summary: route.summary,
    ...(route.description || route.access !== 'public'
      ? { description: [route.description, ACCESS_WORDS[route.access]].filter(Boolean).join('\n\n') }
      : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses,
    ...(security ? { security } : {}),
  };
}

export function buildOpenApiDocument(routes: readonly ApiRoute[] = API_ROUTES): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Écoute — API REST',
      version: `protocole ${PROTOCOL_VERSION}`,
      description:
        "L'API HTTP du serveur Écoute. Le déroulé d'un appel passe par Socket.IO (événements `session:*` du paquet protocol), pas par cette API.",
    },
    paths,
    components: {
      schemas: { Failure: jsonSchema(failureSchema, 'output') },
      securitySchemes: {
        roleToken: { type: 'http', scheme: 'bearer', description: "Le jeton d'un lien de rôle (#k=…)." },
        account: {
          type: 'apiKey',
          in: 'cookie',
          name: 'ecoute.session_token',
          description:
            "La session du compte (better-auth), posée à la connexion ; écritures : en-tête Origin de l'application.",
        },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'ECOUTE_METRICS_TOKEN.' },
      },
    },
  };
}
