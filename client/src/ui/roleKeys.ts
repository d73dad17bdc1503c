import type { Role } from '@ecoute/engine';
import type { MessageKey } from '../i18n/index.js';

/** Each role's name in the catalogue; a Record, so that a new role fails to compile until named. */
export const ROLE_KEYS: Record<Role, MessageKey> = {
  listener: 'role.listener',
  trainer: 'role.trainer',
  observer: 'role.observer',
  callerActor: 'role.callerActor',
};

/**
 * The order role links are listed in, on every page that shows them (after creating a session,
 * « Liens et QR codes », the console's panel): the learner's first, the trainer's own last.
 */
export const LINK_ORDER: readonly Role[] = ['listener', 'callerActor', 'observer', 'trainer'];
