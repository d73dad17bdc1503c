import { describe, expect, it } from '@jest/globals';
import {
  annotationCreateSchema,
  annotationUpdateSchema,
  debriefPath,
  judgmentSchema,
  markIdSchema,
  selfAssessmentSchema,
  sessionListQuerySchema,
} from './debrief.js';

describe('the debrief request schemas', () => {
  it('takes an annotation at a moment, with a text, and nothing else', () => {
    expect(annotationCreateSchema.parse({ t: 12_000, comment: '  Ici  ' })).toEqual({
      t: 12_000,
      comment: 'Ici',
    });
    for (const bad of [
      { t: -1, comment: 'x' },
      { t: 1.5, comment: 'x' },
      { t: 0, comment: ' ' },
      { t: 0, comment: 'x', seq: 1 },
    ])
      expect(annotationCreateSchema.safeParse(bad).success).toBe(false);
    expect(annotationUpdateSchema.parse({ comment: '' })).toEqual({ comment: '' });
    expect(annotationUpdateSchema.safeParse({ comment: 'x'.repeat(2001) }).success).toBe(false);
  });

  it('names marks as bookmark-<seq> or a- followed by hex', () => {
    for (const good of ['bookmark-1', 'bookmark-123456', 'a-0123456789abcdef0123'])
      expect(markIdSchema.safeParse(good).success).toBe(true);
    for (const bad of ['bookmark-0', 'bookmark-x', 'a-xyz', '../etc', 'a-0123'])
      expect(markIdSchema.safeParse(bad).success).toBe(false);
  });

  it('takes a judgment as met, partly or not, with a comment', () => {
    expect(judgmentSchema.parse({ rating: 'partly', comment: 'ok' })).toEqual({
      rating: 'partly',
      comment: 'ok',
    });
    expect(judgmentSchema.safeParse({ rating: 'bien', comment: '' }).success).toBe(false);
    expect(judgmentSchema.safeParse({ rating: 'met' }).success).toBe(false);
  });

  it('takes a self-assessment with something in it, each criterion once', () => {
    const rating = { criterion: 'ton_pose', rating: 'met', comment: '' };
    expect(selfAssessmentSchema.safeParse({ ratings: [rating], comment: '' }).success).toBe(true);
    expect(selfAssessmentSchema.safeParse({ ratings: [], comment: 'Un mot' }).success).toBe(true);
    expect(selfAssessmentSchema.safeParse({ ratings: [], comment: '  ' }).success).toBe(false);
    expect(selfAssessmentSchema.safeParse({ ratings: [rating, rating], comment: '' }).success).toBe(false);
    expect(
      selfAssessmentSchema.safeParse({ ratings: [{ ...rating, criterion: 'Pas-un-id' }], comment: '' })
        .success,
    ).toBe(false);
  });

  it('filters the sessions list by known fields only', () => {
    expect(sessionListQuerySchema.parse({ outcome: 'none', from: '2026-01-01' })).toEqual({
      outcome: 'none',
      from: '2026-01-01',
    });
    for (const bad of [{ outcome: 'great' }, { from: '01/01/2026' }, { page: '2' }])
      expect(sessionListQuerySchema.safeParse(bad).success).toBe(false);
  });

  it('puts the token of a debrief link in the fragment', () => {
    expect(debriefPath('a b', 'k/1')).toBe('/debrief/a%20b#k=k%2F1');
  });
});
