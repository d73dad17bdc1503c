// No payload sent to a listener or an observer ever carries something only the trainer may
// see, over a whole call of each library scenario: the first play-through of
// `scenarios/<id>.tests.yaml`, played through real socket.io clients (listener, trainer,
// observer; then the same call with a caller actor), with the live role-play inputs sprinkled
// in (names, notes shared and not, whispers, ad-lib lines, effects, bookmarks, projector mode
// on then off). Every payload each client receives (updates, presence, sync answers) is
// scanned recursively for trainer-only keys and entry kinds.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ManualScheduler, SessionClock, parsePlayThroughs, stepInput } from '@ecoute/engine';
import type { Input, InputKind, ObservationKind, Role, RoleView } from '@ecoute/engine';
import type { RoleSnapshot, RoleUpdate } from '@ecoute/protocol';
import { findWorkspaceRoot } from '../src/config/env.js';
import { RoleClient, createSession, startServer } from './utils.js';
import type { TestServer } from './utils.js';

const scenariosDir = path.join(findWorkspaceRoot(), 'scenarios');
const SCENARIOS = readdirSync(scenariosDir)
  .filter((f) => f.endsWith('.yaml') && !f.endsWith('.tests.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

/** Keys no listener or observer payload may hold (the observer's projector view aside). */
const TRAINER_KEYS = [
  'variables',
  'states',
  'injects',
  'persona',
  'background',
  'summary',
  'suggestions',
  'choices',
];

interface Rules {
  keys: string[];
  inputs: InputKind[];
  observations: ObservationKind[];
  /** Note inputs: every one allowed (their writer), only shared ones (trainer), or none. */
  notes: 'all' | 'shared' | 'none';
}

const RULES: Record<Role, Rules> = {
  listener: {
    keys: TRAINER_KEYS,
    inputs: ['inject', 'adlib', 'effect', 'bookmark', 'speak', 'projector'],
    observations: ['variable', 'state', 'note', 'suggestion'],
    notes: 'all',
  },
  observer: {
    keys: TRAINER_KEYS,
    inputs: ['inject', 'adlib', 'effect', 'bookmark', 'speak'],
    observations: ['variable', 'state', 'note', 'suggestion'],
    notes: 'none',
  },
  trainer: { keys: [], inputs: [], observations: [], notes: 'shared' },
  callerActor: {
    keys: ['variables'],
    inputs: ['whisper', 'adlib', 'bookmark', 'projector'],
    observations: ['variable', 'note'],
    notes: 'none',
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isEmpty = (v: unknown) => isObject(v) && Object.keys(v).length === 0;

/** What `role` may not have received in `payload`, as readable paths. */
function violations(role: Role, payload: unknown): string[] {
  const rules = RULES[role];
  const out: string[] = [];
  const walk = (value: unknown, at: string, key: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${at}[${i}]`, key));
      return;
    }
    if (!isObject(value)) return;
    if (key === 'input' && typeof value.kind === 'string') {
      if (rules.inputs.includes(value.kind as InputKind)) out.push(`${at}: input ${value.kind}`);
      if (value.kind === 'note' && (rules.notes === 'none' || (rules.notes === 'shared' && !value.shared)))
        out.push(`${at}: note (shared: ${String(value.shared)})`);
    }
    if (
      key === 'observation' &&
      typeof value.kind === 'string' &&
      rules.observations.includes(value.kind as ObservationKind)
    )
      out.push(`${at}: observation ${value.kind}`);
    for (const [k, v] of Object.entries(value)) {
      const here = `${at}.${k}`;
      // Checked on their own (see below): the graph, and the observer's projector view.
      if (k === 'graph' || (role === 'observer' && k === 'projector' && key === 'view')) continue;
      // Labels keep their tables, empty for what the role may not know.
      if (rules.keys.includes(k) && !(key === 'labels' && isEmpty(v))) out.push(`${here}: key ${k}`);
      walk(v, here, k);
    }
  };
  walk(payload, '', '');
  return out;
}

/** Every update and sync answer a client received, in order, as one shape. */
type RoleState = { what: string; update?: RoleUpdate; snapshot?: RoleSnapshot };
function roleStates(client: RoleClient): RoleState[] {
  return client.received.flatMap(({ event, payload }): RoleState[] => {
    if (event === 'session:update') return [{ what: event, update: payload as RoleUpdate }];
    if (event === 'sync (ack)' && isObject(payload) && payload.ok === true)
      return [{ what: event, snapshot: payload.snapshot as RoleSnapshot }];
    return [];
  });
}

/** Who sends a play-through step's input. */
function senderOf(input: Input, actorInjects: boolean): Role {
  if (input.kind === 'inject') return actorInjects ? 'callerActor' : 'trainer';
  return input.kind === 'pause' || input.kind === 'resume' || input.kind === 'end' ? 'trainer' : 'listener';
}

/** Sends again after a short wait when the server's rate limit (20 a second per socket) says so. */
async function politely<T extends { ok: boolean }>(send: () => Promise<T>): Promise<T> {
  for (;;) {
    const ack = await send();
    if (ack.ok || (ack as { code?: string }).code !== 'input/rate_limited') return ack;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface PlayedCall {
  clients: Partial<Record<Role, RoleClient>>;
  projectorSteps: { on: number; off: number };
  spoken: number;
}

/** Plays the scenario's first play-through through the server, with the live inputs around it. */
async function playCall(
  server: TestServer,
  scheduler: ManualScheduler,
  scenarioId: string,
  callerActor: boolean,
): Promise<PlayedCall> {
  const parsed = parsePlayThroughs(readFileSync(path.join(scenariosDir, `${scenarioId}.tests.yaml`), 'utf8'));
  if (!parsed.ok) throw new Error(`${scenarioId}.tests.yaml: ${JSON.stringify(parsed.errors)}`);
  const test = parsed.file.tests[0]!;
  const session = await createSession(server.url, scenarioId, { seed: test.seed, callerActor });
  // Session time as the server counts it: same scheduler, started with the session.
  const clock = new SessionClock(scheduler);
  const roles: Role[] = callerActor
    ? ['trainer', 'listener', 'observer', 'callerActor']
    : ['trainer', 'listener', 'observer'];
  const clients: Partial<Record<Role, RoleClient>> = {};
  for (const role of roles) {
    const client = await RoleClient.connect(server.url, {
      sessionId: session.sessionId,
      token: session.tokens[role],
    });
    clients[role] = client;
    expect(await client.send({ kind: 'join', name: `Prénom ${role}` })).toMatchObject({ ok: true });
    expect((await client.sync(0)).ok).toBe(true);
  }
  const trainer = clients.trainer!;
  let lastSeq = 0;
  /** Waits until every client has received everything durable so far. */
  const settle = async (): Promise<void> => {
    const ack = await politely(() => trainer.sync(lastSeq));
    if (!ack.ok) throw new Error(ack.code);
    lastSeq = ack.snapshot.seq;
    for (const client of Object.values(clients))
      await client.waitFor((c) => (c.updates.at(-1)?.to ?? 0) >= lastSeq, `updates up to ${lastSeq}`);
  };
  const send = (role: Role, input: Input) => politely(() => clients[role]!.send(input));

  const n = test.steps.length;
  const projectorSteps = { on: Math.floor(n / 3), off: Math.floor((2 * n) / 3) };
  let spoken = 0;
  for (const [i, step] of test.steps.entries()) {
    if (!clock.paused && step.at > clock.now()) scheduler.advanceBy(step.at - clock.now());
    const input = stepInput(step);
    if (input) {
      const ack = await send(senderOf(input, callerActor && i % 2 === 0), input);
      expect({ step: i, ok: ack.ok }).toEqual({ step: i, ok: step.expect?.error === undefined });
      if (ack.ok && input.kind === 'pause') clock.pause();
      if (ack.ok && input.kind === 'resume') clock.resume();
    }
    // The live role-play around the scripted call (refused ones — e.g. while paused — are fine).
    if (i === projectorSteps.on) await send('trainer', { kind: 'projector', on: true });
    if (i === projectorSteps.off) await send('trainer', { kind: 'projector', on: false });
    if (i % 5 === 1) {
      await send('listener', { kind: 'note', text: `Note privée ${i}`, shared: false });
      await send('listener', { kind: 'note', text: `Note partagée ${i}`, shared: true });
      await send('trainer', { kind: 'whisper', text: `Chuchotement ${i}` });
      await send('trainer', { kind: 'bookmark', comment: `Repère ${i}` });
      await send('trainer', { kind: 'effect', effect: 'crackle' });
      if (!callerActor) await send('trainer', { kind: 'adlib', text: `Réplique improvisée ${i}` });
    }
    await settle();
    if (callerActor) {
      // The actor reads the machine's suggestions aloud.
      const view = clients.callerActor!.view;
      if (view?.role === 'callerActor')
        for (const s of view.suggestions) {
          const ack = await send('callerActor', { kind: 'speak', text: s.text, line: s.line });
          if (ack.ok) spoken++;
        }
      await settle();
    }
    if (i === projectorSteps.on)
      for (const client of Object.values(clients)) await politely(() => client.sync(0));
  }
  // Late joiners and reloads see the whole call through a sync from 0.
  for (const client of Object.values(clients)) expect((await politely(() => client.sync(0))).ok).toBe(true);
  const ending = trainer.view?.ending;
  expect({ ending: ending?.ending, outcome: ending?.outcome }).toEqual({
    ending: test.end.ending,
    outcome: test.end.outcome,
  });
  // Presence is coalesced (one broadcast per session per 250 ms): a short call may be over
  // before the first one reaches everyone; it comes all the same.
  for (const client of Object.values(clients))
    await client.waitFor((c) => c.presences.length > 0, 'a presence');
  for (const client of Object.values(clients)) client.close();
  return { clients, projectorSteps, spoken };
}

/** The graph and the projector view: the trainer's graph always; observers' only while on. */
function checkGraphAndProjector(role: Role, client: RoleClient): void {
  let on = false;
  let sawOn = false;
  // An update without a view keeps the last one (it changed only by its time).
  let view: RoleView | undefined;
  for (const { what, update, snapshot } of roleStates(client)) {
    if (snapshot) view = snapshot.view;
    if (update) {
      view = update.view ?? view;
      for (const e of update.entries) if (e.kind === 'input' && e.input.kind === 'projector') on = e.input.on;
      const graph = update.graph;
      if (role === 'trainer') {
        expect(graph).toBeUndefined();
        continue;
      }
      if (role === 'observer') {
        if (!view) continue;
        const projector = view.role === 'observer' ? view.projector : undefined;
        expect({ what, projector: projector !== null }).toEqual({ what, projector: on });
        if (graph !== undefined) expect({ what, graph: graph !== null }).toEqual({ what, graph: on });
      } else {
        expect(graph ?? null).toBeNull();
        if (view?.role === 'listener') expect(view.projector).toBeNull();
      }
    }
    if (snapshot) {
      if (role === 'trainer') {
        expect(snapshot.graph?.nodes.length).toBeGreaterThan(0);
        continue;
      }
      const projector = snapshot.view.role === 'observer' ? snapshot.view.projector : null;
      if (role === 'observer') {
        on = projector !== null;
        sawOn ||= on;
      }
      expect({ what, graph: snapshot.graph !== null }).toEqual({ what, graph: role === 'observer' && on });
    }
  }
  if (role === 'observer') expect(sawOn).toBe(true);
}

describe('what each role receives, over a whole call of each library scenario', () => {
  const scheduler = new ManualScheduler();
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ scheduler });
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds the library', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(4);
  });

  it('the scan itself catches trainer-only data (it can fail)', () => {
    const entry = (body: object) => ({ seq: 1, t: 0, at: '', source: 'system', ...body });
    const leaky = {
      from: 0,
      to: 1,
      entries: [
        entry({
          kind: 'observation',
          observation: { kind: 'variable', variable: 'detresse', value: 1, previous: 0 },
        }),
        entry({ kind: 'input', input: { kind: 'inject', inject: 'sonnette' } }),
        entry({ kind: 'input', input: { kind: 'note', text: 'privée', shared: false } }),
      ],
      view: { role: 'listener', persona: { background: 'secret' }, projector: { variables: [] } },
      labels: { injects: { sonnette: 'On sonne' }, variables: {} },
    };
    expect(violations('listener', leaky)).toEqual([
      '.entries[0].observation: observation variable',
      '.entries[1].input: input inject',
      '.view.persona: key persona',
      '.view.persona.background: key background',
      '.view.projector.variables: key variables',
      '.labels.injects: key injects',
    ]);
    expect(violations('observer', leaky)).toContain('.entries[2].input: note (shared: false)');
    expect(violations('trainer', leaky)).toEqual(['.entries[2].input: note (shared: false)']);
  });

  for (const scenarioId of SCENARIOS) {
    for (const callerActor of [false, true]) {
      it(`${scenarioId}${callerActor ? ', with a caller actor' : ''}: no trainer-only field reaches another role`, async () => {
        const { clients, spoken } = await playCall(server, scheduler, scenarioId, callerActor);
        for (const [role, client] of Object.entries(clients) as [Role, RoleClient][]) {
          expect(client.received.length).toBeGreaterThan(10);
          const found = client.received.flatMap(({ event, payload }) =>
            violations(role, payload).map((v) => `${event}${v}`),
          );
          expect({ role, found }).toEqual({ role, found: [] });
          checkGraphAndProjector(role, client);
          expect(client.presences.length).toBeGreaterThan(0);
        }
        const listener = clients.listener!;
        const kinds = listener.entries.map((e) =>
          e.kind === 'input' ? `in:${e.input.kind}` : e.observation.kind,
        );
        // The scan is not vacuous: the listener got lines, whispers and its own notes; the
        // trainer got the trainer-only ones.
        expect(kinds).toEqual(expect.arrayContaining(['line', 'in:whisper', 'in:note', 'ending']));
        const trainerKinds = clients.trainer!.entries.map((e) =>
          e.kind === 'input' ? `in:${e.input.kind}` : e.observation.kind,
        );
        expect(trainerKinds).toEqual(
          expect.arrayContaining([
            'variable',
            'state',
            'in:bookmark',
            'in:effect',
            'in:note',
            'in:projector',
          ]),
        );
        if (callerActor) {
          // Nothing is heard but what the actor speaks; the actor sees suggestions, never whispers.
          expect(spoken).toBeGreaterThan(0);
          expect(kinds.filter((k) => k === 'line').length).toBe(spoken);
          expect(
            clients.callerActor!.entries.some(
              (e) => e.kind === 'observation' && e.observation.kind === 'suggestion',
            ),
          ).toBe(true);
          expect(trainerKinds).toEqual(expect.arrayContaining(['suggestion', 'in:speak']));
        } else {
          expect(trainerKinds).toContain('in:adlib');
          expect(kinds).not.toContain('suggestion');
        }
        // The trainer sees who is in which role, by name.
        expect(clients.trainer!.presences.at(-1)?.participants.map((p) => [p.role, p.name])).toEqual(
          expect.arrayContaining([
            ['listener', 'Prénom listener'],
            ['observer', 'Prénom observer'],
            ['trainer', 'Prénom trainer'],
          ]),
        );
      }, 60_000);
    }
  }
});
