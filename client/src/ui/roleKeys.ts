import type { Role } from '@ecoute/engine';
import type { MessageKey } from '../i18n/index.js';

/** Each role's name in the catalogue; a Record, so that a new role fails to compile until named. */
export const ROLE_KEYS: Record<Role, MessageKey> = {
  listener: 'role.listener',
  trainer: 'role.trainer',
  observer: 'role.observer',
  callerActor: 'role.callerActor',
};
