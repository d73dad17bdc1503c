// Builders of views and timeline entries for tests: one place, realistic defaults.
import type {
  CallerActorView,
  Input,
  ListenerView,
  Observation,
  RoleView,
  Source,
  TimelineEntry,
  TrainerView,
} from '@ecoute/engine';
import type { AccountMe, FloorTile, MemberRoleName, RoleSnapshot, RoleUpdate } from '@ecoute/protocol';
import type { ApiResult } from '../ui/requestJson.js';
import type { LaidOutNode } from '../charts/layoutGraph.js';

export function listenerView(overrides: Partial<ListenerView> = {}): ListenerView {
  return {
    role: 'listener',
    scenario: { id: 'nuit-blanche', version: 1, title: 'Nuit blanche' },
    voice: { lang: 'fr-FR', rate: 1, pitch: 1 },
    phase: 'connected',
    paused: false,
    t: 60_000,
    moves: [
      { id: 'reformuler', label: 'Reformuler', category: 'listening', help: 'Redire avec ses mots' },
      { id: 'question-ouverte', label: 'Question ouverte', category: 'listening', help: '' },
      { id: 'demander-lieu', label: 'Demander le lieu', category: 'information', help: 'Où êtes-vous ?' },
      { id: 'transferer-15', label: 'Transférer au 15', category: 'action', help: 'SAMU' },
    ],
    ending: null,
    onHold: false,
    projector: null,
    mode: 'guided',
    ...overrides,
  };
}

export function trainerView(overrides: Partial<TrainerView> = {}): TrainerView {
  const { role: _role, scenario, projector: _projector, mode: _mode, ...listener } = listenerView();
  return {
    ...listener,
    role: 'trainer',
    scenario: { ...scenario, summary: 'Une femme appelle en pleine nuit.' },
    persona: {
      name: 'Martine',
      age: 58,
      place: 'Lyon',
      background: 'Vit seule depuis un an.',
      trainerNotes: null,
    },
    states: ['detresse.forte', 'detresse'],
    variables: [
      { id: 'distress', label: 'Détresse', value: 70, min: 0, max: 100 },
      { id: 'trust', label: 'Confiance', value: 20, min: 0, max: 100 },
    ],
    injects: [
      {
        id: 'sonnette',
        label: 'On sonne à la porte',
        help: "Quelqu'un sonne chez l'appelante",
        available: true,
      },
      { id: 'coupure', label: 'Coupure de ligne', help: 'La ligne coupe', available: false },
    ],
    projector: false,
    callerActor: false,
    speech: { mode: 'guided', pending: null },
    ...overrides,
  };
}

export function callerActorView(overrides: Partial<CallerActorView> = {}): CallerActorView {
  const trainer = trainerView();
  // The caller actor's persona has no trainer's notes (engine: views/caller-actor-view.ts).
  const { trainerNotes: _notes, ...persona } = trainer.persona;
  return {
    role: 'callerActor',
    scenario: { id: trainer.scenario.id, version: trainer.scenario.version, title: trainer.scenario.title },
    persona,
    voice: trainer.voice,
    phase: 'connected',
    paused: false,
    onHold: false,
    t: 60_000,
    states: [
      {
        id: 'detresse.forte',
        label: 'Détresse forte',
        description: 'Elle pleure ; elle attend qu’on valide sa peine.',
      },
    ],
    suggestions: [{ line: 'seule', text: 'Je suis toute seule, vous savez.' }],
    closing: false,
    choices: trainer.injects,
    ending: null,
    ...overrides,
  };
}

const AT = '2026-01-01T20:00:00.000Z';

export function inputEntry(
  seq: number,
  input: Input,
  source: Source = 'listener',
  t = seq * 1000,
): TimelineEntry {
  return { seq, t, at: AT, source, kind: 'input', input };
}

export function observationEntry(
  seq: number,
  observation: Observation,
  source: Source = 'caller',
  t = seq * 1000,
): TimelineEntry {
  return { seq, t, at: AT, source, kind: 'observation', observation };
}

export function lineEntry(
  seq: number,
  text: string,
  extra: Partial<Observation & { kind: 'line' }> = {},
): TimelineEntry {
  return observationEntry(seq, { kind: 'line', line: `l${seq}`, text, ...extra });
}

export function snapshot(
  seq: number,
  entries: TimelineEntry[],
  view: RoleView = listenerView(),
): RoleSnapshot {
  return {
    sessionId: 's1',
    role: view.role,
    seq,
    entries,
    view,
    labels: { moves: { reformuler: 'Reformuler' }, injects: {}, variables: {}, states: {} },
    graph: null,
  };
}

export function update(
  from: number,
  to: number,
  entries: TimelineEntry[],
  view: RoleView = listenerView(),
): RoleUpdate {
  return { from, to, entries, t: view.t, view };
}

/** Who `useAccount` finds signed in, for the members' pages (SignedInPage). */
/** One call's tile on a group session's floor: a training call in line, one minute in. */
export function floorTile(overrides: Partial<FloorTile> = {}): FloorTile {
  return {
    sessionId: 's1',
    round: 1,
    group: 1,
    scenarioTitle: "Appel d'entraînement",
    listener: 'Ana',
    callerActor: null,
    observers: [],
    t: 60_000,
    callMs: 55_000,
    paused: false,
    phase: 'connected',
    stateLabel: 'Accueil',
    variables: [],
    alerts: [],
    urgency: 0,
    ...overrides,
  };
}

export function signedInAs(role: MemberRoleName = 'trainer'): { me: () => Promise<ApiResult<AccountMe>> } {
  return {
    me: () =>
      Promise.resolve({
        ok: true as const,
        data: {
          userId: 'u1',
          name: 'Camille Martin',
          email: 'camille@example.org',
          role,
          organizationName: 'Allô Numérique',
          retentionDays: 365,
        },
      }),
  };
}

/** A state of a laid-out graph (the charts' tests): 100×44 at (x, y), its id as its label. */
export function laidOutNode(id: string, x: number, y: number, extra: Partial<LaidOutNode> = {}): LaidOutNode {
  return {
    id,
    label: id,
    parent: null,
    type: 'atomic',
    description: null,
    x,
    y,
    width: 100,
    height: 44,
    ...extra,
  };
}
