// Every HTTP route of the server, described once for the OpenAPI document: what it does, who may
// call it, and the protocol's zod schemas of what it takes (path, query, body) and, where the
// protocol has one, of what it answers. The schemas are the ones the controllers parse with;
// `server/test/openapi.test.ts` fails when a route the app registers is missing here.
import { z } from 'zod';
import {
  annotationCreateSchema,
  annotationUpdateSchema,
  createSessionSchema,
  criterionIdSchema,
  judgmentSchema,
  markIdSchema,
  selfAssessmentSchema,
  sessionExportSchema,
  sessionListQuerySchema,
} from '@ecoute/protocol';
import type { ErrorCode } from '@ecoute/protocol';

type Code = (typeof ErrorCode)[keyof typeof ErrorCode];

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** Who may call a route: nobody in particular, a session's role token, the admin token, the metrics token. */
export type Access = 'public' | 'role' | 'trainer' | 'admin' | 'metrics';

export interface ApiRoute {
  method: HttpMethod;
  /** Express style: `/api/sessions/:sessionId`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success answer: its status, words, and its schema when the protocol has one. */
  ok: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  /** The codes it may refuse with (answered `{ ok: false, code, message }`). */
  errors?: Code[];
}

const sessionId = z.string().min(1).max(64).describe('Identifiant de la séance.');

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/scenarios',
    tag: 'scénarios',
    summary: 'Liste les scénarios de la bibliothèque (dernière version de chacun).',
    access: 'public',
    ok: { status: 200, description: 'Les scénarios : id, version, titre, résumé, difficulté, durée.' },
  },
  {
    method: 'post',
    path: '/api/sessions',
    tag: 'séances',
    summary: 'Crée une séance et renvoie les liens de chaque rôle (jeton dans le fragment #k=).',
    access: 'public',
    body: createSessionSchema,
    ok: { status: 201, description: 'sessionId et liens par rôle.' },
    errors: ['input/invalid', 'scenario/not_found'],
  },
  {
    method: 'get',
    path: '/api/sessions',
    tag: 'séances',
    summary: 'Liste les séances enregistrées, les plus récentes d’abord.',
    access: 'admin',
    query: sessionListQuerySchema,
    ok: { status: 200, description: 'Les séances : scénario, dates, statut, issue, apprenant·e.' },
    errors: ['auth/invalid_token', 'input/invalid'],
  },
  {
    method: 'delete',
    path: '/api/sessions/:sessionId',
    tag: 'séances',
    summary: 'Supprime une séance et toutes ses données.',
    access: 'admin',
    params: { sessionId },
    ok: { status: 200, description: '{ ok: true }' },
    errors: ['auth/invalid_token', 'session/not_found'],
  },
  {
    method: 'get',
    path: '/api/sessions/:sessionId/debrief',
    tag: 'débriefing',
    summary: 'Le débriefing d’une séance, tel que le rôle du jeton peut le voir.',
    access: 'role',
    params: { sessionId },
    ok: {
      status: 200,
      description: 'Chronologie, graphe, grille, repères, notes et mesures visibles du rôle.',
    },
    errors: ['auth/invalid_token', 'auth/forbidden_role', 'session/not_found', 'debrief/call_live'],
  },
  {
    method: 'post',
    path: '/api/sessions/:sessionId/debrief/annotations',
    tag: 'débriefing',
    summary: 'Ajoute une annotation du formateur ou de la formatrice à un moment de l’appel.',
    access: 'trainer',
    params: { sessionId },
    body: annotationCreateSchema,
    ok: { status: 201, description: 'L’annotation créée.' },
    errors: ['auth/invalid_token', 'auth/forbidden_role', 'input/invalid', 'session/not_found'],
  },
  {
    method: 'put',
    path: '/api/sessions/:sessionId/debrief/annotations/:markId',
    tag: 'débriefing',
    summary: 'Modifie le commentaire d’une annotation ou d’un repère.',
    access: 'trainer',
    params: { sessionId, markId: markIdSchema },
    body: annotationUpdateSchema,
    ok: { status: 200, description: 'La marque modifiée.' },
    errors: ['auth/invalid_token', 'auth/forbidden_role', 'input/invalid', 'debrief/not_found'],
  },
  {
    method: 'delete',
    path: '/api/sessions/:sessionId/debrief/annotations/:markId',
    tag: 'débriefing',
    summary: 'Supprime une annotation (ou le commentaire modifié d’un repère).',
    access: 'trainer',
    params: { sessionId, markId: markIdSchema },
    ok: { status: 200, description: '{ ok: true }' },
    errors: ['auth/invalid_token', 'auth/forbidden_role', 'input/invalid', 'debrief/not_found'],
  },
  {
    method: 'put',
    path: '/api/sessions/:sessionId/debrief/judgments/:criterion',
    tag: 'débriefing',
    summary: 'Le jugement du formateur ou de la formatrice sur un critère de la grille.',
    access: 'trainer',
    params: { sessionId, criterion: criterionIdSchema },
    body: judgmentSchema,
    ok: { status: 200, description: 'Le jugement enregistré.' },
    errors: ['auth/invalid_token', 'auth/forbidden_role', 'input/invalid', 'debrief/not_found'],
  },
  {
    method: 'post',
    path: '/api/sessions/:sessionId/debrief/self-assessment',
    tag: 'débriefing',
    summary: 'L’auto-évaluation de l’écoutant·e, envoyée une seule fois.',
    access: 'role',
    params: { sessionId },
    body: selfAssessmentSchema,
    ok: { status: 201, description: 'L’auto-évaluation enregistrée.' },
    errors: ['auth/invalid_token', 'auth/forbidden_role', 'input/invalid', 'debrief/already_submitted'],
  },
  {
    method: 'get',
    path: '/api/sessions/:sessionId/export/json',
    tag: 'exports',
    summary: 'La séance exportée en JSON (chronologie vue du formateur, scores).',
    access: 'trainer',
    params: { sessionId },
    ok: { status: 200, description: 'L’export de la séance.', schema: sessionExportSchema },
    errors: ['auth/invalid_token', 'auth/forbidden_role', 'session/not_found'],
  },
  {
    method: 'get',
    path: '/api/sessions/:sessionId/export/xapi',
    tag: 'exports',
    summary: 'Les déclarations xAPI 1.0.3 de la séance.',
    access: 'trainer',
    params: { sessionId },
    ok: { status: 200, description: 'Un tableau de déclarations xAPI.' },
    errors: ['auth/invalid_token', 'auth/forbidden_role', 'session/not_found'],
  },
  {
    method: 'post',
    path: '/api/sessions/:sessionId/export/xapi/send',
    tag: 'exports',
    summary: 'Envoie les déclarations xAPI au LRS configuré (ECOUTE_LRS_URL).',
    access: 'trainer',
    params: { sessionId },
    ok: { status: 200, description: 'Le nombre de déclarations envoyées.' },
    errors: [
      'auth/invalid_token',
      'auth/forbidden_role',
      'session/not_found',
      'export/lrs_not_configured',
      'export/lrs_failed',
    ],
  },
  {
    method: 'get',
    path: '/api/health',
    tag: 'exploitation',
    summary: 'Ancien test de vie, comme /healthz.',
    access: 'public',
    ok: { status: 200, description: '{ ok: true }' },
  },
  {
    method: 'get',
    path: '/healthz',
    tag: 'exploitation',
    summary: 'Le processus répond (vivacité).',
    access: 'public',
    ok: { status: 200, description: 'Terminus : { status: "ok" }.' },
  },
  {
    method: 'get',
    path: '/readyz',
    tag: 'exploitation',
    summary: 'Prêt à servir : base joignable, scénarios chargés, reprise des séances terminée.',
    description: '503 avec, dans `error`, la vérification qui échoue (database, scenarios, recovery).',
    access: 'public',
    ok: { status: 200, description: 'Terminus : status, info, error, details.' },
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'exploitation',
    summary: 'Métriques Prometheus (ECOUTE_METRICS=1 ; jeton ECOUTE_METRICS_TOKEN s’il est défini).',
    description:
      '404 quand les métriques sont désactivées, 401 sans le bon jeton. `?gc=1` : GC forcé d’abord (--expose-gc).',
    access: 'metrics',
    query: z.object({ gc: z.enum(['1']).optional() }),
    ok: { status: 200, description: 'Format texte de Prometheus.', contentType: 'text/plain' },
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'documentation',
    summary: 'Cette documentation, lisible (Swagger UI servi par le serveur).',
    access: 'public',
    ok: { status: 200, description: 'Page HTML.', contentType: 'text/html' },
  },
  {
    method: 'get',
    path: '/api/docs/openapi.json',
    tag: 'documentation',
    summary: 'Ce document OpenAPI 3.1.',
    access: 'public',
    ok: { status: 200, description: 'Le document OpenAPI.' },
  },
  {
    method: 'get',
    path: '/api/docs/assets/:file',
    tag: 'documentation',
    summary: 'Les fichiers de Swagger UI (servis localement, aucun CDN).',
    access: 'public',
    params: { file: z.enum(['swagger-ui.css', 'swagger-ui-bundle.js', 'docs.js']) },
    ok: { status: 200, description: 'Le fichier.' },
  },
];
