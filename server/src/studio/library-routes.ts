// The library's routes for the OpenAPI document (openapi/api-routes.ts appends them).
import { z } from 'zod';
import { libraryCallIdSchema, libraryCreateSchema, libraryDraftSchema } from '@ecoute/protocol';
import type { ApiRoute } from '../openapi/api-routes.js';

const callId = libraryCallIdSchema.describe("Identifiant de l'appel (kebab-case).");
const version = z
  .string()
  .regex(/^[0-9]+$/)
  .describe('Numéro de version.');
const read = ['auth/sign_in_required', 'auth/forbidden_role', 'library/not_found'] as const;
const write = [...read, 'input/invalid', 'library/read_only'] as const;
const tag = 'bibliothèque';

export const LIBRARY_API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/api/library',
    tag,
    summary: "Les appels de l'organisme (brouillon, version publiée) et ceux de la bibliothèque intégrée.",
    access: 'member',
    ok: { status: 200, description: 'Les appels, par titre.' },
    errors: ['auth/sign_in_required', 'auth/forbidden_role'],
  },
  {
    method: 'post',
    path: '/api/library/calls',
    tag,
    summary: "Crée un appel : modèle vierge, fichier YAML importé, ou copie d'un autre appel.",
    description:
      "Auteur·rices et administrateur·rices. Sans « id », le serveur en fait un qu'aucun appel n'a : à partir du titre, ou de celui de l'appel copié ; une copie est titrée « (copie) », puis « (copie 2) »… Un fichier illisible ou sans « id » est refusé (422) avec ses erreurs, situées.",
    access: 'member',
    body: libraryCreateSchema,
    ok: { status: 201, description: "L'appel, avec son brouillon en version 1." },
    errors: [...write, 'library/id_taken', 'library/import_unreadable', 'library/import_no_id'],
  },
  {
    method: 'get',
    path: '/api/library/calls/:callId',
    tag,
    summary: 'Un appel : ses versions (brouillon, publiées, retirées) et qui a changé quoi, quand.',
    access: 'member',
    params: { callId },
    ok: { status: 200, description: "L'appel, ses versions et son historique." },
    errors: [...read],
  },
  {
    method: 'get',
    path: '/api/library/calls/:callId/versions/:version',
    tag,
    summary: "Le texte YAML d'une version et ce qu'en dit lint (ligne, colonne).",
    access: 'member',
    params: { callId, version },
    ok: { status: 200, description: 'Le texte et ses problèmes.' },
    errors: [...read],
  },
  {
    method: 'get',
    path: '/api/library/calls/:callId/versions/:version/export',
    tag,
    summary: 'Exporte une version en fichier YAML.',
    access: 'member',
    params: { callId, version },
    ok: { status: 200, description: 'Le fichier YAML.', contentType: 'application/yaml' },
    errors: [...read],
  },
  {
    method: 'put',
    path: '/api/library/calls/:callId/draft',
    tag,
    summary: 'Enregistre le brouillon (gardé même avec des erreurs) ; crée la version suivante au besoin.',
    description: 'Auteur·rices et administrateur·rices.',
    access: 'member',
    params: { callId },
    body: libraryDraftSchema,
    ok: { status: 200, description: "Le numéro du brouillon et ce qu'en dit lint." },
    errors: [...write],
  },
  {
    method: 'post',
    path: '/api/library/calls/:callId/publish',
    tag,
    summary:
      'Publie le brouillon : une version qui ne changera plus. Refusée (422) avec les erreurs de lint, (409) quand le brouillon ne change rien à la dernière version publiée.',
    description: 'Auteur·rices et administrateur·rices.',
    access: 'member',
    params: { callId },
    ok: { status: 201, description: 'La version publiée.' },
    errors: [...write, 'library/no_draft', 'library/no_change', 'library/lint_errors'],
  },
  {
    method: 'post',
    path: '/api/library/calls/:callId/versions/:version/retire',
    tag,
    summary:
      "Retire une version publiée : les séances qui l'ont jouée la gardent, les nouvelles prennent la précédente.",
    description: 'Auteur·rices et administrateur·rices.',
    access: 'member',
    params: { callId, version },
    ok: { status: 200, description: 'La version retirée.' },
    errors: [...write],
  },
];
