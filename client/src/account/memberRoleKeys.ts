import type { MemberRoleName } from '@ecoute/protocol';
import type { MessageKey } from '../i18n/fr.js';

export const MEMBER_ROLE_KEYS: Record<MemberRoleName, MessageKey> = {
  admin: 'account.role.admin',
  trainer: 'account.role.trainer',
  author: 'account.role.author',
};
