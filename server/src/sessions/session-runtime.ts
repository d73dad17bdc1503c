// One live session: owns the call run (actor + pausable clock) and the order of its timeline.
// The loop of DESIGN.md: input → run → entries → one durable append → ack → role views pushed.
// Inputs are applied to the run synchronously, in arrival order, and get their seq at once;
// appends then run one after another, so the timeline order is the order the run saw.
import {
  ROLES,
  SessionClock,
  CallRun,
  entryFor,
  isVisibleTo,
  labelsFor,
  scenarioGraphModel,
} from '@ecoute/engine';
import type {
  CompiledScenario,
  Input,
  Observation,
  Role,
  RoleView,
  ScenarioGraph,
  Scheduler,
  Source,
  TimedObservation,
  TimelineEntry,
} from '@ecoute/engine';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { InputAck, RoleSnapshot, RoleUpdate } from '@ecoute/protocol';
import type { TimelineStore } from '../timeline/timeline-store.js';
import { speechInput, type SpeechSettings } from './free-speech.js';
import { markedMoment } from './marked-moment.js';
import { sameViewButTime } from './same-view.js';
import type { TimerRelay } from './timer-relay.js';

/** Where role updates go (the Socket.IO rooms, in production). */
export interface RoleBroadcaster {
  /**
   * The same update to every role of `roles` (one role, or several whose updates are equal: a
   * sentence said, which every role sees and which changes no view, goes out encoded once).
   */
  toRoles(sessionId: string, roles: readonly Role[], update: RoleUpdate): void;
}

export interface SessionRuntimeDeps {
  store: TimelineStore;
  broadcaster: RoleBroadcaster;
  scheduler: Scheduler;
  /** Wall clock for the `at` of entries. */
  wallClock: () => Date;
  /**
   * Called once, after the ending has been durably appended. Given the session's id, so that
   * one callback serves every session (not a closure per session).
   */
  onEnded?: (ending: Extract<Observation, { kind: 'ending' }>, sessionId: string) => void;
  onStorageError?: (error: unknown, sessionId: string) => void;
  /**
   * Crash recovery: the run already rebuilt from the timeline (by `rebuildRun`), instead of a new
   * one; its timers report to `timers`, which the runtime listens to. Its clock runs on `scheduler`.
   */
  rebuilt?: { run: CallRun; timers: TimerRelay };
  /** A learner plays the caller: the new run is built in caller-actor mode. */
  callerActor?: boolean;
  /** The hint mode (and, in free speech, who picks a sentence not understood). Default: guided. */
  speech?: SpeechSettings;
}

/**
 * The views of one moment, for the roles the session has (no caller actor's view without one:
 * nobody could be sent it).
 */
type RoleViews = Partial<Record<Role, RoleView>> & { trainer: RoleView };

/** Whether `role` may see the state graph, given the views of one moment (projector mode). */
function seesGraph(role: Role, views: RoleViews): boolean {
  if (role === 'trainer') return true;
  const trainer = views.trainer;
  return role === 'observer' && trainer.role === 'trainer' && trainer.projector;
}

/**
 * One state graph per compiled scenario, shared by all its sessions (it derives from the scenario
 * alone: 35–40 KB of JSON for the larger library calls, once rather than per session).
 */
const graphs = new WeakMap<CompiledScenario, ScenarioGraph>();

function graphOf(compiled: CompiledScenario): ScenarioGraph {
  let graph = graphs.get(compiled);
  if (!graph) {
    graph = scenarioGraphModel(compiled.scenario);
    graphs.set(compiled, graph);
  }
  return graph;
}

/**
 * The entries `role` may see, as it receives them (`entryFor`): `entries` itself when it sees
 * them all as they are (no copy).
 */
function visibleOf(role: Role, entries: TimelineEntry[]): TimelineEntry[] {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (!isVisibleTo(role, entry) || entryFor(role, entry) !== entry)
      return entries.flatMap((e) => (isVisibleTo(role, e) ? [entryFor(role, e)] : []));
  }
  return entries;
}

/** The same entries (the same objects, in the same order). */
function sameEntries(a: readonly TimelineEntry[], b: readonly TimelineEntry[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const FREE_SPEECH_MOVE = 'En parole libre, répondez avec vos propres mots : la liste des actions est fermée.';
const WITHOUT_CALLER_ACTOR: readonly Role[] = ROLES.filter((role) => role !== 'callerActor');
/** Entries read at a time while filling a sync page. */
const SNAPSHOT_CHUNK = 100;

interface Batch {
  entries: TimelineEntry[];
  views: RoleViews;
  /**
   * The roles' updates, built when the batch is (while its append waits for the disk): roles
   * whose updates are equal share one.
   */
  updates: [Role[], RoleUpdate][];
}

export class SessionRuntime {
  private readonly clock: SessionClock;
  private readonly run: CallRun;
  private readonly compiled: CompiledScenario;
  /** Last seq handed out (applied to the run, maybe not yet durable). */
  private seq: number;
  /** Last seq durably appended and published. */
  private committedSeq: number;
  /**
   * The views at `committedSeq`: what a sync returns, and what the next update's views are
   * compared with (an update leaves out a view unchanged but for t). No copy of the last view
   * sent is kept: it equals this one but for t, so each role's view is held once per session.
   */
  private committedViews: RoleViews;
  /** The views of the last batch built (durable or not): what the next batch's update compares with. */
  private lastViews: RoleViews;
  /** The roles of this session (the caller actor's only in a session that has one). */
  private readonly roles: readonly Role[];
  private tail: Promise<unknown> = Promise.resolve();
  private failed = false;
  /** Appends not yet settled. */
  private inFlight = 0;

  constructor(
    readonly sessionId: string,
    compiled: CompiledScenario,
    seed: number,
    lastSeq: number,
    private readonly deps: SessionRuntimeDeps,
  ) {
    this.compiled = compiled;
    this.seq = lastSeq;
    this.committedSeq = lastSeq;
    const onTimer = (observations: TimedObservation[]): void => {
      if (observations.length === 0) return;
      void this.commit(
        [],
        observations.map((o) => o.observation),
      ).catch(() => undefined);
    };
    deps.rebuilt?.timers.listen(onTimer);
    this.run =
      deps.rebuilt?.run ??
      new CallRun(compiled, {
        clock: new SessionClock(deps.scheduler),
        seed,
        onTimer,
        ...(deps.callerActor ? { callerActor: true } : {}),
        ...(deps.speech ? { hintMode: deps.speech.mode } : {}),
      });
    this.clock = this.run.clock;
    this.roles = this.run.callerActor ? ROLES : WITHOUT_CALLER_ACTOR;
    this.committedViews = this.views();
    this.lastViews = this.committedViews;
  }

  get ended(): boolean {
    return this.run.ended;
  }

  /** The call's session time now (the classroom's floor reads it for silences). */
  get now(): number {
    return this.clock.now();
  }

  get paused(): boolean {
    return this.clock.paused;
  }

  /**
   * Nothing will happen here until someone sends something: no timer due (none pending, the
   * clock paused, or the call over) and no append in flight. Such a runtime may be unloaded and
   * rebuilt by replay later (SessionsService's idle unload).
   */
  get quiet(): boolean {
    return this.inFlight === 0 && (this.run.ended || this.clock.paused || this.clock.pending === 0);
  }

  /** Applies an input from `role`; resolves once it is durable (or refused). Never rejects. */
  apply(role: Role, input: Input): Promise<InputAck> {
    if (this.failed) return Promise.resolve(failure(ErrorCode.ServerStorageFailed));
    // One moment for the step and its `t`, as in a replay (see SessionClock.hold).
    const speech = this.deps.speech ?? { mode: 'guided', askTrainer: false };
    if (speech.mode === 'free_speech' && role === 'listener' && input.kind === 'move')
      return Promise.resolve(failure(ErrorCode.InputNotAvailable, FREE_SPEECH_MOVE));
    return this.clock.hold(() => {
      // Timers due now fire first, so the sentence is read against the moves it meets.
      this.clock.runDue();
      const read = speechInput(this.run, speech, input);
      if ('ok' in read) return Promise.resolve(read);
      const recorded = markedMoment(read, this.clock.now());
      const result = this.run.apply(recorded);
      if (!result.ok) return Promise.resolve(failure(result.code, result.message));
      return this.commit([{ source: role, input: recorded }], result.observations).then(
        (seq) => ({ ok: true as const, seq }),
        () => failure(ErrorCode.ServerStorageFailed),
      );
    });
  }

  /**
   * Applies an input of the system itself (the resume after a handover between processes),
   * recorded with source `system`; resolves once durable (or refused).
   */
  applySystem(input: Input): Promise<InputAck> {
    if (this.failed) return Promise.resolve(failure(ErrorCode.ServerStorageFailed));
    return this.clock.hold(() => {
      this.clock.runDue();
      const result = this.run.apply(input);
      if (!result.ok) return Promise.resolve(failure(result.code, result.message));
      return this.commit([{ source: 'system', input }], result.observations).then(
        (seq) => ({ ok: true as const, seq }),
        () => failure(ErrorCode.ServerStorageFailed),
      );
    });
  }

  /** Resolves once every append begun so far has settled (a handover waits for it). */
  settled(): Promise<void> {
    return this.tail.then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * Records an input the system already applied to the run (recovery's pause), like an
   * accepted input from source `system`; resolves with its seq once durable.
   */
  recordSystemInput(input: Input): Promise<number> {
    return this.commit([{ source: 'system', input }], []);
  }

  /**
   * What `role` may see after `after`, up to the last durable seq, with its view: one page of at
   * most `page.entries` entries and about `page.bytes` bytes of them (at least one entry), with
   * `more` when the rest waits for the next page. The graph travels on the last page only.
   */
  snapshot(
    role: Role,
    after: number,
    page: { entries: number; bytes: number } = { entries: Number.MAX_SAFE_INTEGER, bytes: Infinity },
  ): Promise<RoleSnapshot> {
    const read = this.tail.then(async () => {
      const committed = this.committedSeq;
      const view = this.committedViews[role] ?? this.run.viewFor(role);
      // Seqs have no gap: (after, after + page.entries] holds one page of entries at most,
      // read in chunks so that a page of big entries does not read much past its bytes.
      const last = Math.min(committed, after + Math.max(1, page.entries));
      const entries: TimelineEntry[] = [];
      let upTo = after;
      let bytes = 0;
      let full = false;
      while (!full && upTo < last) {
        const rows = await this.deps.store.read(this.sessionId, upTo, Math.min(last, upTo + SNAPSHOT_CHUNK));
        if (rows.length === 0) break;
        for (const row of rows) {
          if (isVisibleTo(role, row)) {
            const entry = entryFor(role, row);
            const size = JSON.stringify(entry).length;
            if (entries.length > 0 && bytes + size > page.bytes) {
              full = true;
              break;
            }
            bytes += size;
            entries.push(entry);
          }
          upTo = row.seq;
        }
      }
      if (upTo === after) upTo = committed;
      const more = upTo < committed;
      return {
        sessionId: this.sessionId,
        role,
        seq: upTo,
        ...(more ? { more: true as const } : {}),
        entries,
        view,
        labels: labelsFor(this.compiled.scenario, role),
        graph: !more && seesGraph(role, this.committedViews) ? this.graph() : null,
      };
    });
    this.tail = read.catch(() => undefined);
    return read;
  }

  dispose(): void {
    this.run.dispose();
  }

  /** The scenario's state graph: the trainer's always, observers' in projector mode. */
  private graph(): ScenarioGraph {
    return graphOf(this.compiled);
  }

  private views(): RoleViews {
    return this.run.viewsFor(this.roles) as RoleViews;
  }

  /**
   * Gives the input and its observations their seq now, then appends them in one transaction
   * after every earlier batch. Resolves with the input's seq (or the first observation's).
   */
  private commit(inputs: { source: Source; input: Input }[], observations: Observation[]): Promise<number> {
    const t = Math.round(this.clock.now());
    const at = this.deps.wallClock().toISOString();
    const from = this.seq;
    const entries: TimelineEntry[] = [
      ...inputs.map(({ source, input }): TimelineEntry => ({
        seq: ++this.seq,
        t,
        at,
        source,
        kind: 'input',
        input,
      })),
      ...observations.map((observation): TimelineEntry => ({
        seq: ++this.seq,
        t,
        at,
        source: observation.kind === 'line' || observation.kind === 'cue' ? 'caller' : 'system',
        kind: 'observation',
        observation,
      })),
    ];
    const views = this.views();
    // The updates are built now, while the append waits for its commit and fsync: once it is
    // durable only the sending is left (the batches are published in this order, so the
    // previous batch's views are what the clients will hold before this one).
    const batch: Batch = { entries, views, updates: this.updates(entries, from, views, this.lastViews) };
    this.lastViews = views;
    const first = entries[0]?.seq ?? this.seq;
    const durable = this.tail.then(() => this.deps.store.append(this.sessionId, entries));
    this.inFlight++;
    const settled = (): void => {
      this.inFlight--;
    };
    durable.then(settled, settled);
    // Ack first, then push (DESIGN's loop): the sender's ack is written when the promise below
    // resolves; the updates go out on the next turn of the event loop, in durability order.
    this.tail = durable.then(
      () => {
        const send = this.publish(batch);
        setImmediate(send);
      },
      (error: unknown) => this.fail(error),
    );
    return durable.then(() => first);
  }

  /**
   * The roles' updates of a batch of entries after `from`, given the views before it. Roles whose
   * views and graphs did not change and who see the same entries share one update (the same
   * object, sent once to all their rooms): most inputs, a sentence said, go to every role so.
   */
  private updates(
    entries: TimelineEntry[],
    from: number,
    views: RoleViews,
    before: RoleViews,
  ): [Role[], RoleUpdate][] {
    const to = entries.at(-1)?.seq ?? from;
    const updates: [Role[], RoleUpdate][] = [];
    /** The updates without a view or a graph so far: another role's equal one joins them. */
    const plain: [Role[], RoleUpdate][] = [];
    // No caller actor in this session: nobody holds that role's link (not in `roles`).
    for (const role of this.roles) {
      // The view travels only when it changed other than by its time; the graph only when it
      // changes for the role (projector mode switched).
      const view = views[role] ?? this.run.viewFor(role);
      const last = before[role];
      const changed = last === undefined || !sameViewButTime(view, last);
      const sees = seesGraph(role, views);
      const graphChanged = sees !== seesGraph(role, before);
      const visible = visibleOf(role, entries);
      if (!changed && !graphChanged) {
        const same = plain.find(([, u]) => u.t === view.t && sameEntries(u.entries, visible));
        if (same) {
          same[0].push(role);
          continue;
        }
        const update: [Role[], RoleUpdate] = [[role], { from, to, entries: visible, t: view.t }];
        plain.push(update);
        updates.push(update);
        continue;
      }
      const update: RoleUpdate = { from, to, entries: visible, t: view.t };
      if (changed) update.view = view;
      if (graphChanged) update.graph = sees ? this.graph() : null;
      updates.push([[role], update]);
    }
    return updates;
  }

  /**
   * Marks the batch durable (what a sync now returns) and gives back the sending of its
   * updates, which the caller defers until the sender's ack has gone out.
   */
  private publish(batch: Batch): () => void {
    this.committedSeq = batch.entries.at(-1)?.seq ?? this.committedSeq;
    this.committedViews = batch.views;
    return () => {
      for (const [roles, update] of batch.updates)
        this.deps.broadcaster.toRoles(this.sessionId, roles, update);
      for (const entry of batch.entries) {
        if (entry.kind === 'observation' && entry.observation.kind === 'ending')
          this.deps.onEnded?.(entry.observation, this.sessionId);
      }
    };
  }

  /**
   * A failed append leaves the run ahead of its timeline: refuse every later input rather than
   * record a timeline that would not replay to the same call.
   */
  private fail(error: unknown): void {
    this.failed = true;
    this.run.dispose();
    this.deps.onStorageError?.(error, this.sessionId);
  }
}
