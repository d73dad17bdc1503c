// Forming the groups of a round (pure): at random in pairs or threes, by hand (a group number and
// a role per learner), and the next round's rotation (each learner takes the next role of their
// group: the caller actor listens, an observer plays the caller, the listener observes).
import type { ClassGroup, ClassRole } from '@ecoute/protocol';

export interface GroupRow {
  learnerId: string;
  group: number;
  role: ClassRole;
}

/** Fisher–Yates with an injected random source (tests pass a seeded one). */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Groups of `size` (2 or 3) at random; a learner left over joins the last group as an observer.
 * With `machineCaller` the machine plays the caller: the others of a group observe.
 */
export function randomGroups(
  learnerIds: readonly string[],
  size: 2 | 3,
  machineCaller: boolean,
  random: () => number = Math.random,
): GroupRow[] {
  const order = shuffle(learnerIds, random);
  const count = Math.max(1, Math.floor(order.length / size));
  const rows: GroupRow[] = [];
  order.forEach((learnerId, index) => {
    const group = Math.min(count, Math.floor(index / size) + 1);
    const rank = rows.filter((r) => r.group === group).length;
    const role: ClassRole =
      rank === 0 ? 'listener' : rank === 1 && !machineCaller ? 'callerActor' : 'observer';
    rows.push({ learnerId, group, role });
  });
  return rows;
}

/**
 * The next round: in each group, every learner takes the role of the one before them. The rows
 * stay in the order given (only the roles move), so that a table of them shows who changed.
 */
export function rotateRoles(rows: readonly GroupRow[]): GroupRow[] {
  const order: ClassRole[] = ['listener', 'callerActor', 'observer'];
  const groups = new Map<number, GroupRow[]>();
  for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  const next = new Map<string, ClassRole>();
  for (const members of groups.values()) {
    const sorted = [...members].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
    sorted.forEach((member, index) => {
      next.set(sorted[(index + 1) % sorted.length]!.learnerId, member.role);
    });
  }
  return rows.map((row) => ({ ...row, role: next.get(row.learnerId) ?? row.role }));
}

/** `rows` in the order of `learnerIds` (the table as shown); learners not in it after, as given. */
export function inOrderOf(rows: readonly GroupRow[], learnerIds: readonly string[]): GroupRow[] {
  const rank = (row: GroupRow) => {
    const index = learnerIds.indexOf(row.learnerId);
    return index === -1 ? learnerIds.length : index;
  };
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

/** The groups to launch, or null when a group has not exactly one listener or two caller actors. */
export function groupsOf(rows: readonly GroupRow[]): ClassGroup[] | null {
  const numbers = [...new Set(rows.map((r) => r.group))].sort((a, b) => a - b);
  const groups: ClassGroup[] = [];
  for (const number of numbers) {
    const members = rows.filter((r) => r.group === number);
    const listeners = members.filter((m) => m.role === 'listener');
    const actors = members.filter((m) => m.role === 'callerActor');
    if (listeners.length !== 1 || actors.length > 1) return null;
    groups.push({
      listener: listeners[0]!.learnerId,
      callerActor: actors[0]?.learnerId ?? null,
      observers: members.filter((m) => m.role === 'observer').map((m) => m.learnerId),
    });
  }
  return groups.length > 0 ? groups : null;
}
