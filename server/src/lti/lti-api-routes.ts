// The routes of the LTI 1.3 tool for the OpenAPI document (openapi/api-routes.ts appends them).
import { z } from 'zod';
import type { ApiRoute } from '../openapi/api-routes.js';

const TAG = 'LTI 1.3';
const html = 'text/html';

export const LTI_API_ROUTES: readonly ApiRoute[] = [
  ...(['get', 'post'] as const).map((method): ApiRoute => ({
    method,
    path: '/lti/login',
    tag: TAG,
    summary: 'Initiation de connexion OIDC par la plateforme (iss, login_hint, target_link_uri, client_id…).',
    access: 'public',
    ok: {
      status: 302,
      description: "Vers la plateforme, avec state et nonce ; cookie d'état SameSite=None; Secure.",
    },
    errors: ['lti/invalid_launch', 'lti/unknown_platform'],
  })),
  {
    method: 'post',
    path: '/lti/launch',
    tag: TAG,
    summary: 'Lancement : id_token (formulaire) vérifié avec les clés de la plateforme.',
    access: 'public',
    ok: {
      status: 303,
      description:
        'Vers la console de la séance (écoutant·e ou formateur·rice), ou le choix du scénario (Deep Linking).',
    },
    errors: ['lti/invalid_launch', 'lti/invalid_state', 'lti/unknown_platform', 'scenario/not_found'],
  },
  {
    method: 'post',
    path: '/lti/deep-link',
    tag: TAG,
    summary: 'Deep Linking : le scénario choisi, renvoyé signé à la plateforme.',
    access: 'public',
    ok: {
      status: 200,
      description: "Le formulaire de retour vers la plateforme (JWT signé par l'outil).",
      contentType: html,
    },
    errors: ['lti/invalid_state', 'scenario/not_found'],
  },
  {
    method: 'get',
    path: '/lti/jwks',
    tag: TAG,
    summary: "Les clés publiques de l'outil (JWKS).",
    access: 'public',
    ok: { status: 200, description: 'JWKS.' },
  },
  {
    method: 'get',
    path: '/lti/close.js',
    tag: TAG,
    summary: "Script des pages LTI (retour Deep Linking, fermeture de l'enregistrement).",
    access: 'public',
    ok: { status: 200, description: 'JavaScript.', contentType: 'application/javascript' },
  },
  {
    method: 'get',
    path: '/lti/register/:key',
    tag: TAG,
    summary: 'Enregistrement dynamique (Moodle 4) : openid_configuration et registration_token.',
    access: 'public',
    params: { key: z.string().min(1).max(400) },
    ok: { status: 200, description: "Page de fin d'enregistrement.", contentType: html },
    errors: ['lti/registration_failed'],
  },
  {
    method: 'get',
    path: '/api/lti/registration',
    tag: TAG,
    summary: "Le lien d'enregistrement dynamique de l'organisme et ses plateformes (administrateur·rice).",
    access: 'admin',
    ok: { status: 200, description: 'url, plateformes.' },
    errors: ['auth/sign_in_required', 'auth/forbidden_role'],
  },
  {
    method: 'get',
    path: '/api/sessions/:sessionId/lti/members',
    tag: TAG,
    summary: "Les participant·es du cours (NRPS 2.0) : qui a joué l'activité, note renvoyée, badges obtenus.",
    description:
      'Lien formateur·rice de la séance, ou administrateur·rice ; séance ouverte par un lancement LTI.',
    access: 'trainer',
    params: { sessionId: z.string().min(1).max(64) },
    ok: { status: 200, description: 'course, members.' },
    errors: [
      'auth/invalid_token',
      'auth/forbidden_role',
      'lti/no_membership_service',
      'lti/membership_failed',
    ],
  },
];
