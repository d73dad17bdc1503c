// The learner's page heading changes with the step (it read « Rejoindre… » even with a role given).
import { describe, expect, it } from '@jest/globals';
import type { ClassJoined, LearnerAssignment } from '@ecoute/protocol';
import { translate, type MessageKey } from '../i18n/index.js';
import { joinHeading } from './joinHeading.js';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('fr', key, params);
const joined = { classId: 'c1', token: 'tok', pseudonym: 'Inès' } as ClassJoined;
const assignment = { round: 2, role: 'listener' } as LearnerAssignment;

describe('joinHeading', () => {
  it('follows the step: joining, waiting for a role, role given', () => {
    expect(joinHeading(t, null, null)).toBe('Rejoindre une séance de groupe');
    expect(joinHeading(t, joined, null)).toBe('Séance de groupe\u00a0: en attente de votre rôle');
    expect(joinHeading(t, joined, assignment)).toBe('Tour 2\u00a0: vous êtes écoutant·e');
  });

  it('says the call ended once it has (a learner back on the tab reads it in its title)', () => {
    const ended = { ...assignment, ended: { outcome: 'good', reason: 'hangup' } } as LearnerAssignment;
    expect(joinHeading(t, joined, ended)).toBe(t('classroom.join.heading.ended', { round: 2 }));
    expect(joinHeading(t, joined, ended)).not.toBe(joinHeading(t, joined, assignment));
  });
});
