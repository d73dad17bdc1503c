// The routes of Open Badges for the OpenAPI document (openapi/api-routes.ts appends them).
import { z } from 'zod';
import { badgeDefinitionSchema, badgeRevokeSchema, badgeImageSchema } from '@ecoute/protocol';
import type { ApiRoute } from '../openapi/api-routes.js';

const badgeId = z.string().min(1).max(80).describe('Identifiant du badge.');
const awardId = z.string().min(1).max(80).describe("Identifiant d'un badge attribué.");
const organizationId = z.string().min(1).max(80).describe("Identifiant de l'organisme émetteur.");
const sessionId = z.string().min(1).max(64).describe('Identifiant de la séance.');
const TAG = 'badges';

function publicGet(
  path: string,
  summary: string,
  contentType = 'application/json',
  params: Record<string, z.ZodType> = {},
): ApiRoute {
  return {
    method: 'get',
    path,
    tag: TAG,
    summary,
    access: 'public',
    params,
    ok: { status: 200, description: summary, contentType },
    errors: ['badge/not_found'],
  };
}

export const BADGE_API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/badges',
    tag: TAG,
    summary: "Les badges définis par l'organisme.",
    access: 'member',
    ok: { status: 200, description: "Les définitions : nom, description, critères, nombre d'appels." },
    errors: ['auth/sign_in_required', 'auth/forbidden_role'],
  },
  {
    method: 'get',
    path: '/api/badges/criteria',
    tag: TAG,
    summary: "Les critères des grilles d'évaluation de la bibliothèque, à associer aux badges.",
    access: 'member',
    ok: { status: 200, description: 'Compétence, critère, libellés, scénarios.' },
    errors: ['auth/sign_in_required', 'auth/forbidden_role'],
  },
  {
    method: 'post',
    path: '/api/badges',
    tag: TAG,
    summary: 'Définit un badge (administrateur·rice).',
    access: 'admin',
    body: badgeDefinitionSchema,
    ok: { status: 201, description: 'La définition.' },
    errors: ['input/invalid', 'auth/sign_in_required', 'auth/forbidden_role', 'auth/csrf'],
  },
  {
    method: 'put',
    path: '/api/badges/:badgeId',
    tag: TAG,
    summary: 'Modifie un badge (administrateur·rice).',
    access: 'admin',
    params: { badgeId },
    body: badgeDefinitionSchema,
    ok: { status: 200, description: 'La définition.' },
    errors: ['input/invalid', 'badge/not_found', 'auth/sign_in_required', 'auth/forbidden_role', 'auth/csrf'],
  },
  {
    method: 'delete',
    path: '/api/badges/:badgeId',
    tag: TAG,
    summary: 'Supprime un badge (administrateur·rice).',
    description:
      'Jamais délivré : supprimé. Déjà délivré : retiré de la liste et plus attribué, mais chaque badge délivré reste valide et vérifiable (révoquez-les un par un si besoin).',
    access: 'admin',
    params: { badgeId },
    ok: { status: 200, description: '{ ok, issued, kept }' },
    errors: ['badge/not_found', 'auth/sign_in_required', 'auth/forbidden_role', 'auth/csrf'],
  },
  {
    method: 'put',
    path: '/api/badges/:badgeId/image',
    tag: TAG,
    summary: "L'image du badge (PNG ou SVG en base64, 256 Ko au plus, 64 à 2 048 pixels de côté).",
    access: 'admin',
    params: { badgeId },
    body: badgeImageSchema,
    ok: { status: 200, description: 'La définition, avec son image.' },
    errors: [
      'input/invalid',
      'badge/not_found',
      'badge/image_type',
      'badge/image_too_large',
      'badge/image_invalid',
      'auth/sign_in_required',
      'auth/forbidden_role',
      'auth/csrf',
    ],
  },
  {
    method: 'delete',
    path: '/api/badges/:badgeId/image',
    tag: TAG,
    summary: 'Revient à la médaille dessinée par Écoute.',
    access: 'admin',
    params: { badgeId },
    ok: { status: 200, description: 'La définition.' },
    errors: ['badge/not_found', 'auth/sign_in_required', 'auth/forbidden_role', 'auth/csrf'],
  },
  {
    method: 'get',
    path: '/api/badges/awards',
    tag: TAG,
    summary: "Qui a obtenu quel badge dans l'organisme.",
    access: 'member',
    ok: { status: 200, description: 'Les badges attribués, avec leurs liens de téléchargement.' },
    errors: ['auth/sign_in_required', 'auth/forbidden_role'],
  },
  {
    method: 'post',
    path: '/api/badges/awards/:awardId/revoke',
    tag: TAG,
    summary: 'Révoque un badge attribué (liste de statut, assertion hébergée).',
    access: 'admin',
    params: { awardId },
    body: badgeRevokeSchema,
    ok: { status: 201, description: 'Le badge révoqué.' },
    errors: ['input/invalid', 'badge/not_found', 'auth/sign_in_required', 'auth/forbidden_role', 'auth/csrf'],
  },
  {
    method: 'get',
    path: '/api/sessions/:sessionId/badges',
    tag: TAG,
    summary: "Les badges de l'apprenant·e de cette séance (attribués s'ils viennent d'être obtenus).",
    access: 'role',
    params: { sessionId },
    ok: { status: 200, description: 'Les badges attribués.' },
    errors: ['auth/invalid_token', 'auth/forbidden_role'],
  },
  publicGet(
    '/api/badges/issuers/:organizationId',
    "Profil de l'émetteur (Open Badges 3.0).",
    'application/json',
    { organizationId },
  ),
  publicGet(
    '/api/badges/issuers/:organizationId/ob2',
    "Profil de l'émetteur (Open Badges 2.0).",
    'application/json',
    { organizationId },
  ),
  publicGet(
    '/api/badges/issuers/:organizationId/jwks',
    "Clés publiques de l'émetteur (JWKS).",
    'application/json',
    { organizationId },
  ),
  publicGet(
    '/api/badges/issuers/:organizationId/keys/:keyId',
    'Une clé publique (JWK), cible du `kid` des VC-JWT.',
    'application/json',
    {
      organizationId,
      keyId: z.string().min(1).max(80),
    },
  ),
  publicGet(
    '/api/badges/issuers/:organizationId/status-list',
    'Liste de révocation (Bitstring Status List, VC-JWT).',
    'application/vc+jwt',
    { organizationId },
  ),
  publicGet(
    '/api/badges/achievements/:badgeId',
    'Le badge (BadgeClass Open Badges 2.0).',
    'application/json',
    { badgeId },
  ),
  publicGet('/api/badges/achievements/:badgeId/image.png', "L'image du badge.", 'image/png', { badgeId }),
  publicGet(
    '/api/badges/credentials/:awardId',
    'Assertion hébergée Open Badges 2.0 (410 si révoquée).',
    'application/ld+json',
    { awardId },
  ),
  publicGet(
    '/api/badges/credentials/:awardId/credential.jwt',
    'Le badge Open Badges 3.0 (VC-JWT).',
    'application/vc+jwt',
    { awardId },
  ),
  publicGet(
    '/api/badges/credentials/:awardId/badge.png',
    'Image PNG avec le badge OB 3.0 intégré (iTXt).',
    'image/png',
    { awardId },
  ),
  publicGet(
    '/api/badges/credentials/:awardId/badge.svg',
    'Image SVG avec le badge OB 3.0 intégré.',
    'image/svg+xml',
    { awardId },
  ),
  publicGet(
    '/api/badges/credentials/:awardId/badge-ob2.png',
    "Image PNG avec l'assertion OB 2.0 intégrée (iTXt).",
    'image/png',
    { awardId },
  ),
  publicGet(
    '/api/badges/credentials/:awardId/verification',
    'Ce que montre la page publique de vérification.',
    'application/json',
    { awardId },
  ),
];
