// Error codes of the wire contract: namespaced, stable, `as const` with a same-named type.
// Every failed ack and every refused handshake carries one, plus a French message for people.

export const ErrorCode = {
  InputInvalid: 'input/invalid',
  InputNotAvailable: 'input/not_available',
  // A correction naming a move the call did not offer when its sentence was said.
  InputNotOfferedThen: 'input/not_offered_then',
  InputTooLarge: 'input/too_large',
  InputRateLimited: 'input/rate_limited',
  AuthForbiddenRole: 'auth/forbidden_role',
  // A member whose role may do it on their own sessions only, on someone else's session.
  AuthNotSessionOwner: 'auth/not_session_owner',
  AuthInvalidToken: 'auth/invalid_token',
  AuthForbiddenOrigin: 'auth/forbidden_origin',
  SessionNotFound: 'session/not_found',
  SessionEnded: 'session/ended',
  SessionPaused: 'session/paused',
  SessionUnavailable: 'session/unavailable',
  ScenarioNotFound: 'scenario/not_found',
  DebriefAlreadySubmitted: 'debrief/already_submitted',
  DebriefCallLive: 'debrief/call_live',
  DebriefNotFound: 'debrief/not_found',
  ExportLrsNotConfigured: 'export/lrs_not_configured',
  ExportLrsFailed: 'export/lrs_failed',
  ProtocolVersionMismatch: 'protocol/version_mismatch',
  ServerStorageFailed: 'server/storage_failed',
  ServerInternal: 'server/internal',
  // Accounts and the policy table (server/src/accounts, server/src/auth/policy.ts).
  AuthSignInRequired: 'auth/sign_in_required',
  AuthCsrf: 'auth/csrf',
  AuthNoRule: 'auth/no_rule',
  AccountSetupInvalid: 'account/setup_invalid',
  AccountInvitationInvalid: 'account/invitation_invalid',
  AccountExists: 'account/exists',
  AccountAlreadyMember: 'account/already_member',
  // A role link opened twice: only the page holding its seat acts (seats.ts).
  SeatNotHolder: 'seat/not_holder',
  // The call library and the studio (server/src/studio).
  LibraryNotFound: 'library/not_found',
  LibraryReadOnly: 'library/read_only',
  LibraryIdTaken: 'library/id_taken',
  LibraryNoDraft: 'library/no_draft',
  LibraryNoChange: 'library/no_change',
  LibraryLintErrors: 'library/lint_errors',
  LibraryImportUnreadable: 'library/import_unreadable',
  LibraryImportNoId: 'library/import_no_id',
  // Open Badges and LTI 1.3 (server/src/badges, server/src/lti).
  BadgeNotFound: 'badge/not_found',
  LtiInvalidLaunch: 'lti/invalid_launch',
  LtiUnknownPlatform: 'lti/unknown_platform',
  LtiInvalidState: 'lti/invalid_state',
  LtiRegistrationFailed: 'lti/registration_failed',
  LtiNoMembershipService: 'lti/no_membership_service',
  LtiMembershipFailed: 'lti/membership_failed',
  BadgeImageType: 'badge/image_type',
  BadgeImageTooLarge: 'badge/image_too_large',
  BadgeImageInvalid: 'badge/image_invalid',
  // The classroom (server/src/classroom).
  ClassNotFound: 'class/not_found',
  ClassJoinInvalid: 'class/join_invalid',
  ClassGroupsInvalid: 'class/groups_invalid',
  ClassFull: 'class/full',
  ClassPseudonymTaken: 'class/pseudonym_taken',
  ClassTakenOver: 'class/taken_over',
  ClassPlaceFreed: 'class/place_freed',
  ClassLearnerNotFound: 'class/learner_not_found',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** French messages for people; the client translates by code through its own catalogue. */
export const errorMessages: Record<ErrorCode, string> = {
  'input/invalid': 'Message invalide : il ne respecte pas le format attendu.',
  'input/not_available': "Cette action n'est pas disponible à ce moment de l'appel.",
  'input/not_offered_then':
    "Cette action n'était pas proposée quand la phrase a été dite : la correction n'est pas enregistrée.",
  'input/too_large': 'Message trop long.',
  'input/rate_limited': 'Trop de messages en peu de temps : ralentissez.',
  'auth/forbidden_role': 'Votre rôle ne permet pas cette action.',
  'auth/not_session_owner':
    "Cette séance n'est pas la vôtre : seul·e qui l'a créée, ou un·e administrateur·rice, peut faire cette action.",
  'auth/invalid_token': 'Lien de séance invalide ou expiré.',
  'auth/forbidden_origin': "Requête refusée : elle ne vient pas d'une page de ce serveur.",
  'session/not_found': 'Séance introuvable.',
  'session/ended': "L'appel est terminé.",
  'session/paused': 'La séance est suspendue par le formateur ou la formatrice.',
  'session/unavailable':
    "Cette séance n'est plus active sur le serveur (redémarrage) : créez-en une nouvelle.",
  'scenario/not_found': 'Scénario introuvable.',
  'debrief/already_submitted': "L'auto-évaluation est déjà envoyée : elle ne se modifie plus.",
  'debrief/call_live': "L'appel n'est pas terminé : le débriefing complet vient après.",
  'debrief/not_found': 'Repère ou critère introuvable dans cette séance.',
  'export/lrs_not_configured': "Aucun entrepôt xAPI (LRS) n'est configuré sur ce serveur (ECOUTE_LRS_URL).",
  'export/lrs_failed': "L'entrepôt xAPI (LRS) a refusé les déclarations ou n'a pas répondu.",
  'protocol/version_mismatch': "Version de l'application périmée : rechargez la page.",
  'server/storage_failed':
    "L'enregistrement n'a pas été confirmé : l'action n'a peut-être pas été prise en compte. Vérifiez la transcription avant de la refaire.",
  'server/internal': 'Erreur interne du serveur.',
  'auth/sign_in_required': 'Connectez-vous pour continuer.',
  'auth/csrf': "Requête refusée : elle ne vient pas de l'application.",
  'auth/no_rule': "Aucune règle d'accès pour cette route : elle reste fermée.",
  'account/setup_invalid': "Lien d'installation invalide ou déjà utilisé.",
  'account/invitation_invalid': 'Invitation invalide, expirée ou déjà utilisée.',
  'account/exists': 'Un compte existe déjà avec cette adresse.',
  'account/already_member': "Cette adresse est déjà celle d'un membre de l'organisme.",
  'seat/not_holder': "Ce lien est ouvert sur une autre page qui a la main : prenez la main pour agir d'ici.",
  'library/not_found': 'Appel ou version introuvable dans la bibliothèque.',
  'library/read_only': 'Cet appel fait partie de la bibliothèque intégrée : dupliquez-le pour le modifier.',
  'library/id_taken': 'Un appel porte déjà ce nom court (« id » dans le YAML) : choisissez-en un autre.',
  'library/no_draft': "Cet appel n'a pas de brouillon à publier.",
  'library/no_change':
    'Rien à publier : le brouillon est identique à la dernière version publiée. Modifiez-le, puis publiez.',
  'library/lint_errors': 'Publication refusée : le brouillon contient des erreurs à corriger.',
  'library/import_unreadable':
    "Ce fichier n'est pas un YAML lisible : corrigez-le, puis importez-le de nouveau.",
  'library/import_no_id':
    "Ce fichier ne donne pas l'identifiant de l'appel : ajoutez une ligne « id: … » en tête.",
  'badge/not_found': 'Badge introuvable.',
  'lti/invalid_launch': 'Lancement LTI refusé : le message de la plateforme est invalide.',
  'lti/unknown_platform': "Plateforme LTI inconnue : elle n'est pas enregistrée sur ce serveur.",
  'lti/invalid_state': 'Lancement LTI refusé : état ou nonce invalide, expiré ou déjà utilisé.',
  'lti/registration_failed': "L'enregistrement dynamique LTI a échoué.",
  'lti/no_membership_service':
    "La plateforme n'a pas transmis la liste des participant·es du cours pour cette activité.",
  'lti/membership_failed': "La plateforme n'a pas répondu à la demande de la liste des participant·es.",
  'badge/image_type': "L'image du badge doit être un fichier PNG ou SVG.",
  'badge/image_too_large': "L'image du badge est trop lourde (256 Ko au plus).",
  'badge/image_invalid': "L'image du badge est illisible ou ne convient pas.",
  'class/not_found': 'Séance de groupe introuvable.',
  'class/join_invalid': 'Code de séance de groupe inconnu ou lien de participation expiré.',
  'class/groups_invalid':
    "Groupes invalides : chaque apprenant·e de la séance de groupe ne joue qu'un rôle par tour.",
  'class/full': 'La séance de groupe est complète.',
  'class/pseudonym_taken':
    "Ce pseudonyme est déjà utilisé dans cette séance, sur une page encore ouverte. Si c'est vous, fermez cette page-là puis rejoignez à nouveau ; sinon, choisissez un autre pseudonyme.",
  'class/taken_over':
    "Votre place dans cette séance de groupe a été reprise depuis un autre appareil, sous le même pseudonyme. Si ce n'était pas vous, prévenez votre formateur·rice.",
  'class/place_freed':
    "Votre formateur·rice a libéré votre place : rejoignez la séance depuis l'appareil de votre choix, avec votre pseudonyme.",
  'class/learner_not_found': "Cette personne n'est pas (ou plus) dans la séance de groupe.",
};

export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
}

export function failure(code: ErrorCode, message: string = errorMessages[code]): Failure {
  return { ok: false, code, message };
}

/** What every acknowledged message answers: success with its data, or a coded failure. */
export type Ack<T extends object = object> = ({ ok: true } & T) | Failure;
