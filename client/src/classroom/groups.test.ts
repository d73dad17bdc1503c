import { describe, expect, it } from '@jest/globals';
import { groupsOf, inOrderOf, randomGroups, rotateRoles } from './groups.js';

/** A seeded source (mulberry32): the same groups every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

describe('groups', () => {
  it('forms pairs at random, one listener and one caller actor each, the odd one observing', () => {
    const rows = randomGroups(ids, 2, false, seeded(3));
    expect(new Set(rows.map((r) => r.learnerId))).toEqual(new Set(ids));
    const groups = groupsOf(rows)!;
    expect(groups).toHaveLength(3);
    for (const group of groups) expect(group.callerActor).not.toBeNull();
    expect(groups.map((g) => g.observers.length).sort()).toEqual([0, 0, 1]);
    expect(randomGroups(ids, 2, false, seeded(4))).not.toEqual(rows);
  });

  it('lets the machine play the caller: the others observe', () => {
    const groups = groupsOf(randomGroups(ids.slice(0, 6), 3, true, seeded(1)))!;
    expect(groups.map((g) => [g.callerActor, g.observers.length])).toEqual([
      [null, 2],
      [null, 2],
    ]);
  });

  it('rotates the roles within each group', () => {
    const rows = [
      { learnerId: 'a', group: 1, role: 'listener' as const },
      { learnerId: 'b', group: 1, role: 'callerActor' as const },
      { learnerId: 'c', group: 1, role: 'observer' as const },
      { learnerId: 'd', group: 2, role: 'listener' as const },
      { learnerId: 'e', group: 2, role: 'observer' as const },
    ];
    expect(groupsOf(rotateRoles(rows))).toEqual([
      { listener: 'b', callerActor: 'c', observers: ['a'] },
      { listener: 'e', callerActor: null, observers: ['d'] },
    ]);
  });

  it('rotates the roles without moving the rows: each learner where they were, in another role', () => {
    const rows = [
      { learnerId: 'c', group: 1, role: 'observer' as const },
      { learnerId: 'e', group: 2, role: 'observer' as const },
      { learnerId: 'a', group: 1, role: 'listener' as const },
      { learnerId: 'd', group: 2, role: 'listener' as const },
      { learnerId: 'b', group: 1, role: 'callerActor' as const },
    ];
    expect(rotateRoles(rows)).toEqual([
      { learnerId: 'c', group: 1, role: 'callerActor' },
      { learnerId: 'e', group: 2, role: 'listener' },
      { learnerId: 'a', group: 1, role: 'observer' },
      { learnerId: 'd', group: 2, role: 'observer' },
      { learnerId: 'b', group: 1, role: 'listener' },
    ]);
  });

  it('puts rows in the order of a table, the learners not in it after, as given', () => {
    const rows = [
      { learnerId: 'a', group: 1, role: 'listener' as const },
      { learnerId: 'x', group: 1, role: 'observer' as const },
      { learnerId: 'b', group: 1, role: 'observer' as const },
      { learnerId: 'y', group: 2, role: 'listener' as const },
    ];
    expect(inOrderOf(rows, ['b', 'a']).map((r) => r.learnerId)).toEqual(['b', 'a', 'x', 'y']);
  });

  it('refuses a group without a listener or with two', () => {
    expect(groupsOf([{ learnerId: 'a', group: 1, role: 'observer' }])).toBeNull();
    expect(
      groupsOf([
        { learnerId: 'a', group: 1, role: 'listener' },
        { learnerId: 'b', group: 1, role: 'listener' },
      ]),
    ).toBeNull();
  });
});
