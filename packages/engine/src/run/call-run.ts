// One simulated call: the scenario's actor on the session's clock, driven by inputs. Each input
// (or timer) is one step; a step returns the observations it caused, in this order:
//   1. what the machine's actions observed, in execution order (lines, cues, variables, notes);
//   2. a `state` observation, if the set of active leaf states changed;
//   3. the `ending` observation, if the call ended (anything the machine observed after its
//      `end` action, in the same step, is dropped: the call is over).
// Given the scenario, the seed and the inputs with their session times, the observations are
// the same every time (replay.ts relies on it).
import { createActor, type Actor, type AnyStateMachine, type InspectionEvent } from 'xstate';
import { planHolds, restartTimers, sharedActedPlan, type ActedPlan } from './acted-shortcut.js';
import type { SessionClock } from '../clock/session-clock.js';
import {
  bindObservationSink,
  type CallMachineInput,
  type CompiledScenario,
  type ObservationSink,
} from '../scenario/compile.js';
import type { CallContext } from '../scenario/guards.js';
import { AVAILABILITY_REASONS, unavailableReason, type Availability } from '../scenario/availability.js';
import { collectStates, type StateInfo } from '../scenario/references.js';
import { ACTED_EVENT } from '../scenario/schema.js';
import { lineWording } from '../scenario/wording.js';
import {
  HOLD_MOVES,
  type Cue,
  type EndReason,
  type GenericEffect,
  type Input,
  type Observation,
  type PhoneHold,
  type Role,
  type TimedObservation,
  type TimelineEntry,
} from '../timeline.js';
import { PARDON_LINE, pardonText } from '../speech/pardon.js';
import { callerActorView } from '../views/caller-actor-view.js';
import { listenerView } from '../views/listener-view.js';
import { observerView } from '../views/observer-view.js';
import type { RunState } from '../views/run-state.js';
import { trainerView } from '../views/trainer-view.js';
import { endingMessage } from './ending-feedback.js';
import { frenchText, msg, type EngineMessage } from '../messages.js';
import { scoreRubric } from './score.js';
import type {
  CallerActorView,
  CallPhase,
  HintMode,
  EndingView,
  InjectOption,
  ListenerView,
  MoveOption,
  RoleView,
  TrainerView,
  VariableGauge,
} from '../views/types.js';

export const RunErrorCode = {
  InputNotAvailable: 'input/not_available',
  SessionPaused: 'session/paused',
  SessionEnded: 'session/ended',
} as const;
export type RunErrorCode = (typeof RunErrorCode)[keyof typeof RunErrorCode];

export type ApplyResult =
  | { ok: true; observations: Observation[] }
  | {
      ok: false;
      code: RunErrorCode;
      /** In French (the command line, the server's logs). */
      message: string;
      /** The message as a code and its parameters (`run.*`), worded by a page in its language. */
      text: EngineMessage;
    };

export interface CallRunOptions {
  clock: SessionClock;
  seed: number;
  /** Receives what a delayed (`after`) transition caused, stamped with the session time it fired at. */
  onTimer: (observations: TimedObservation[]) => void;
  /** Called with the ids of the transitions each microstep takes (see `transitionId`): coverage. */
  onTransitions?: (ids: string[]) => void;
  /**
   * A caller actor plays the caller: the machine's `say` actions become `suggestion`
   * observations (offered to the actor, not heard); the listener hears what the actor `speak`s.
   */
  callerActor?: boolean;
  /** The session's hint mode (default `guided`): what the listener's view shows of the moves. */
  hintMode?: HintMode;
  /**
   * Whether `acted` may skip XState's macrostep where it would only restart a leaf's timers or
   * change nothing (`acted-shortcut.ts`; default true). Off, every `acted` goes through XState:
   * the tests compare both. Always off with `onTransitions` (coverage sees XState's own steps).
   */
  actedShortcut?: boolean;
  /**
   * Whether an ending with `feedback` gets its message built from the rubric (default true). The
   * rubric's own replays turn it off: a replay inside the scoring would score again.
   */
  endingFeedback?: boolean;
}

/** Line id of a trainer's ad-lib line, and of a caller actor's own words. */
export const ADLIB_LINE = 'adlib';
export const ACTOR_LINE = 'actor';

/** The cue each generic noise effect gives. */
const EFFECT_CUES: Record<Exclude<GenericEffect, 'caller_hangup' | 'call_drop'>, Cue> = {
  crackle: 'crackle',
  silence: 'silence',
  background_noise: 'noise',
};

/** Inputs that only record something: accepted while paused; `RECORD_AFTER_END` also once ended. */
const RECORD_ONLY: ReadonlySet<Input['kind']> = new Set(['join', 'note', 'bookmark', 'projector', 'whisper']);
const RECORD_AFTER_END: ReadonlySet<Input['kind']> = new Set(['join', 'note', 'bookmark', 'projector']);

// The run's own words (`messages.ts`, `run.*`): a refusal carries the message, an ending written
// by the run its French.
const MESSAGES = {
  ended: msg('run.ended'),
  paused: msg('run.paused'),
  notRinging: msg('run.not_ringing'),
  notConnected: msg('run.not_connected'),
  unknownMove: (move: string) => msg('run.unknown_move', { move }),
  moveNotNow: (move: string) => msg('run.move_not_now', { move }),
  unknownInject: (inject: string) => msg('run.unknown_inject', { inject }),
  injectNotNow: (inject: string) => msg('run.inject_not_now', { inject }),
  trainerEnd: frenchText(msg('run.trainer_end')),
  alreadyOnHold: msg('run.already_on_hold'),
  notOnHold: msg('run.not_on_hold'),
  noCallerActor: msg('run.no_caller_actor'),
  interpretationOrder: (n: number, expected: number) => msg('run.interpretation_order', { n, expected }),
  unknownInterpretation: (n: number) => msg('run.unknown_interpretation', { n }),
  runtimeError: (detail: string) => frenchText(msg('run.runtime_error', { detail })),
  machineDone: frenchText(msg('run.machine_done')),
} as const;

type CallActor = Actor<AnyStateMachine>;

/**
 * The offer of each move, and of each inject while available: the same for every run of a
 * compiled scenario, so shared (read-only) rather than built again at every moment.
 */
const offers = new WeakMap<
  CompiledScenario,
  { moves: Map<string, MoveOption>; injects: Map<string, InjectOption> }
>();

function offersOf(compiled: CompiledScenario): {
  moves: Map<string, MoveOption>;
  injects: Map<string, InjectOption>;
} {
  let found = offers.get(compiled);
  if (!found) {
    const { moves, injects } = compiled.scenario;
    found = {
      moves: new Map(
        compiled.moveIds.map((id) => {
          const move = moves[id]!;
          return [id, { id, label: move.label, category: move.category, help: move.help }];
        }),
      ),
      injects: new Map(
        compiled.injectIds.map((id) => {
          const inject = injects[id]!;
          return [id, { id, label: inject.label, help: inject.help, available: true }];
        }),
      ),
    };
    offers.set(compiled, found);
  }
  return found;
}

/** Every state of a scenario with its info, once per compiled scenario (not per run: ≈ 3 KB each). */
const stateInfos = new WeakMap<CompiledScenario, Map<string, StateInfo>>();

function stateInfoOf(compiled: CompiledScenario): Map<string, StateInfo> {
  let info = stateInfos.get(compiled);
  if (!info) {
    info = collectStates(compiled.scenario.machine);
    stateInfos.set(compiled, info);
  }
  return info;
}

/** Per machine: the event types some state has a transition for; null when a wildcard may take any. */
/**
 * The log is read by an ending's feedback only: a scenario with no such ending keeps none.
 * (Checked once per compiled scenario.)
 */
const feedbackEndings = new WeakMap<CompiledScenario, boolean>();

function hasFeedbackEnding(compiled: CompiledScenario): boolean {
  let has = feedbackEndings.get(compiled);
  if (has === undefined) {
    has = Object.values(compiled.scenario.endings).some((ending) => ending.feedback !== undefined);
    feedbackEndings.set(compiled, has);
  }
  return has;
}

const SAID: Input = Object.freeze({ kind: 'say', text: '' });

/** The event the shortcut's guards read (never sent: XState gets an object of its own). */
const ACTED: { type: string } = Object.freeze({ type: ACTED_EVENT });

/**
 * An input as the run's log keeps it: without the free text a person typed. Scoring reads kinds,
 * moves, injects and times, and its replay sends a sentence's event to a machine whose guards and
 * actions never read the words; kept whole, the log would hold every sentence of the call.
 */
function scoredInput(input: Input): Input {
  if (input.kind === 'say') return SAID;
  if (input.kind === 'note') return { kind: 'note', text: '', shared: input.shared };
  if (input.kind === 'whisper') return { kind: 'whisper', text: '' };
  if (input.kind === 'bookmark') return { kind: 'bookmark', comment: '' };
  return input;
}

const handledEvents = new WeakMap<AnyStateMachine, ReadonlySet<string> | null>();

function eventsHandledBy(machine: AnyStateMachine): ReadonlySet<string> | null {
  let handled = handledEvents.get(machine);
  if (handled === undefined) {
    const types = new Set<string>();
    const walk = (node: AnyStateMachine['root']): void => {
      for (const descriptor of node.transitions.keys()) types.add(descriptor);
      for (const child of Object.values(node.states)) walk(child);
    };
    walk(machine.root);
    handled = [...types].some((type) => type.includes('*')) ? null : types;
    handledEvents.set(machine, handled);
  }
  return handled;
}

/** The step being collected: what the machine observes goes here until the step is over. */
interface Step {
  observations: Observation[];
  /** Why an `end` action in this step ends the call (a hang-up step ends it as a hang-up). */
  reason: EndReason;
  ending: EndingView | undefined;
}

export class CallRun {
  readonly compiled: CompiledScenario;
  readonly clock: SessionClock;
  readonly seed: number;
  private readonly onTimer: (observations: TimedObservation[]) => void;
  private readonly onTransitions: ((ids: string[]) => void) | undefined;
  private currentPhase: CallPhase = 'ringing';
  private actor: CallActor | undefined;
  private step: Step | undefined;
  private endingView: EndingView | null = null;
  private lastStates: string[] = [];
  /** The machine's state value `lastStates` was read from: a step that leaves it as it was reads nothing. */
  private lastValue: unknown;
  /**
   * Counts the moments the run may change at (each input, each timer, a dispose): what the views
   * derive from the machine (moves offered, injects with their reasons, gauges) is computed once
   * per moment, however many roles ask. Read-only for callers: these lists are shared.
   */
  private moment = 0;
  private derived: {
    moment: number;
    /**
     * What the lists below derive from (see `derivedNow`): a new moment where these are the same
     * keeps them. (Held as they are, not as a string made of them: ~220 B less per session.)
     */
    phase?: CallPhase;
    paused?: boolean;
    status?: string | undefined;
    value?: unknown;
    context?: unknown;
    moves?: MoveOption[];
    injects?: InjectOption[];
    gauges?: VariableGauge[];
  } = { moment: -1 };
  private runtimeError: unknown;
  /**
   * The clock handles of the timers this run set and that are pending: replaced, never changed
   * in place (a new array of its size at each change: one or two timers, where a Set's table is
   * 152 B a run).
   */
  private timerHandles: readonly number[] = NO_HANDLES;
  private stateInfo: Map<string, StateInfo> | undefined;
  readonly callerActor: boolean;
  private held = false;
  private projectorOn = false;
  /**
   * How many times each scripted line with variants has been said: which of its wordings comes
   * next. Made at the first such line (a line without variants has one wording: not counted).
   */
  private saidCount: Map<string, number> | undefined;
  /** With a caller actor: the machine's lines not yet spoken, from its last step that said any. */
  private pendingSuggestions: { line: string; text: string }[] = NO_SUGGESTIONS;
  /**
   * With a caller actor: the ending the machine reached in a step that also said lines. Those
   * lines are the caller's last words, and only the actor says them: the call stays connected
   * (the machine stopped, its timers cleared) until the actor has spoken them, then ends so. Were
   * it over at once, the actor could never say them (a `speak` after the end is refused) and the
   * listener never heard them, where a machine-played call says them before its ending.
   */
  private closingEnding: EndingView | null = null;
  readonly hintMode: HintMode;
  /** Free speech: the move each interpretation (by `n`) applied, or null. */
  private interpretations: (string | null)[] = NO_INTERPRETATIONS;
  /** Free speech: the moves offered when each interpretation (by `n`) was read. */
  private offeredAtReading: (readonly string[])[] = NO_OFFERED_AT_READING;
  /** Free speech: the interpretation waiting for the trainer's pick, and its timeout. */
  private pendingPick: {
    n: number;
    text: string;
    move: string | null;
    score: number;
    dueT: number;
    handle: number;
  } | null = null;
  /** How many « Pardon ? » the caller has said (the seed picks each one's wording). */
  private pardons = 0;
  private readonly endingFeedback: boolean;
  /**
   * What the run applied and observed so far, as timeline entries (free text left out, see
   * `scoredInput`): an ending's feedback scores it. Null when no ending would read it.
   */
  private readonly log: TimelineEntry[] | null;
  /** The input being applied (undefined in a timer's step). */
  private stepInput: Input | undefined;
  private readonly actedShortcut: boolean;
  /** The `acted` plan of the last configuration it was read for (see `acted-shortcut.ts`). */
  private actedPlanFor: { value: unknown; plan: ActedPlan } | undefined;
  /** How each `acted` went: skipped (nothing takes it), timers restarted directly, or sent to XState. */
  readonly actedCounts = { ignored: 0, restarted: 0, sent: 0 };
  /** The clock handle the actor's clock gave last (XState's scheduler takes one per delayed event). */
  private lastTimerHandle: number | undefined;
  /**
   * The clock handle of each timer a restart set through XState's scheduler, by XState's id. While
   * the session clock still holds it, XState's scheduler holds it too (it drops a handle only by
   * firing it or clearing it, and sets a leaf's timer again only after one or the other): the next
   * restart moves it on the clock (`SessionClock.retime`) instead of clearing and setting it.
   *
   * A flat list (id, handle, id, handle…: a leaf has one or two timers), replaced when it changes
   * (an array of its size: a `push` would grow it to room for 17, 168 B).
   */
  private restartHandles: RestartHandles = NO_RESTART_HANDLES;
  /**
   * Added to the delay of the machine's timers set meanwhile: a pick's wait, while the `acted` of
   * a sentence waiting for it is sent (`sendActedLater`); 0 otherwise.
   */
  private timersLater = 0;

  constructor(compiled: CompiledScenario, options: CallRunOptions) {
    this.compiled = compiled;
    this.clock = options.clock;
    this.seed = options.seed;
    this.onTimer = options.onTimer;
    this.onTransitions = options.onTransitions;
    this.callerActor = options.callerActor ?? false;
    this.hintMode = options.hintMode ?? 'guided';
    this.endingFeedback = options.endingFeedback ?? true;
    this.log = this.endingFeedback && hasFeedbackEnding(compiled) ? [] : null;
    this.actedShortcut = (options.actedShortcut ?? true) && this.onTransitions === undefined;
  }

  /** The listener has put the caller on hold. */
  get onHold(): boolean {
    return this.held;
  }

  /** Whether observers see the hidden variables and the graph (projector mode). */
  get projector(): boolean {
    return this.projectorOn;
  }

  get phase(): CallPhase {
    return this.currentPhase;
  }

  get paused(): boolean {
    return this.clock.paused;
  }

  get ended(): boolean {
    return this.currentPhase === 'ended';
  }

  /**
   * Releases the actor and its timers without ending the call (the session is unloaded, e.g. at
   * shutdown; it can be rebuilt by replay). Nothing is observed; the run must not be used after.
   */
  dispose(): void {
    this.moment += 1;
    this.actor?.stop();
    this.clearTimers();
  }

  get ending(): EndingView | null {
    return this.endingView;
  }

  /** Active leaf states as dotted paths, in document order (empty unless connected). */
  get states(): string[] {
    return [...this.lastStates];
  }

  /** Current values of the hidden variables (initial values before pickup). */
  get variables(): Record<string, number> {
    const context = this.context();
    if (context) return { ...context.vars };
    return Object.fromEntries(
      Object.entries(this.compiled.scenario.variables).map(([id, v]) => [id, v.initial]),
    );
  }

  /** Flags set so far (none before pickup). */
  get flags(): Record<string, boolean> {
    return { ...(this.context()?.flags ?? {}) };
  }

  /** The full context of the machine (undefined before pickup): variables, flags, visits, counts. */
  get machineContext(): CallContext | undefined {
    const context = this.context();
    return context ? structuredClone(context) : undefined;
  }

  /**
   * Every move and inject of the scenario: whether it would be accepted now, and if not, why
   * (French): the call not picked up, the session paused, the call over, nothing planned for it
   * in the current state, or a condition not met (the guard, described).
   */
  availability(): { moves: Record<string, Availability>; injects: Record<string, Availability> } {
    const of = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, this.availabilityOf(id)]));
    return { moves: of(this.compiled.moveIds), injects: of(this.compiled.injectIds) };
  }

  /** Whether the move or inject `id` would be accepted now, and if not, why. */
  availabilityOf(id: string): Availability {
    if (this.currentPhase === 'ringing') return { available: false, reason: AVAILABILITY_REASONS.ringing };
    if (this.currentPhase === 'ended') return { available: false, reason: AVAILABILITY_REASONS.ended };
    if (this.clock.paused) return { available: false, reason: AVAILABILITY_REASONS.paused };
    if (this.can(id)) return { available: true };
    if (this.actor?.getSnapshot().status !== 'active')
      return { available: false, reason: AVAILABILITY_REASONS.ended };
    this.stateInfo ??= stateInfoOf(this.compiled);
    return {
      available: false,
      reason: unavailableReason(
        this.compiled.scenario,
        this.stateInfo,
        activeLeaves(this.actor),
        this.context(),
        this.eventFor(id),
      ),
    };
  }

  apply(input: Input): ApplyResult {
    this.stepInput = input;
    try {
      const result = this.applyInput(input);
      // Only when a log is kept (an ending with feedback): no entry objects made for nothing.
      if (result.ok && this.log) {
        this.remember({ kind: 'input', input });
        const { observations } = result;
        for (let i = 0; i < observations.length; i++)
          this.remember({ kind: 'observation', observation: observations[i]! });
      }
      return result;
    } finally {
      this.stepInput = undefined;
    }
  }

  /** Appends to the run's own log (sequence numbers of its own; the server's timeline has its). */
  private remember(
    entry: { kind: 'input'; input: Input } | { kind: 'observation'; observation: Observation },
  ): void {
    const log = this.log;
    if (!log) return;
    const base = { seq: log.length + 1, t: this.clock.now(), at: '', source: 'listener' as const };
    log.push(
      entry.kind === 'input'
        ? { ...base, kind: 'input', input: scoredInput(entry.input) }
        : { ...base, kind: 'observation', observation: entry.observation },
    );
  }

  private applyInput(input: Input): ApplyResult {
    this.moment += 1;
    if (RECORD_AFTER_END.has(input.kind) && this.currentPhase === 'ended') return this.record(input);
    if (this.currentPhase === 'ended') return refuse(RunErrorCode.SessionEnded, MESSAGES.ended);
    // A timer due before this input fires first, as it would in a replay.
    this.clock.runDue();
    if ((this.currentPhase as CallPhase) === 'ended')
      return refuse(RunErrorCode.SessionEnded, MESSAGES.ended);

    // Session controls work while paused; everything else waits for the resume.
    if (input.kind === 'pause') {
      this.clock.pause();
      return { ok: true, observations: [] };
    }
    if (input.kind === 'resume') {
      this.clock.resume();
      return { ok: true, observations: [] };
    }
    if (input.kind === 'end') {
      return {
        ok: true,
        observations: this.runStep('trainer', () => this.finish(null, 'trainer', MESSAGES.trainerEnd)),
      };
    }
    if (RECORD_ONLY.has(input.kind)) return this.record(input);
    if (this.clock.paused) return refuse(RunErrorCode.SessionPaused, MESSAGES.paused);

    switch (input.kind) {
      case 'pickup':
        if (this.currentPhase !== 'ringing')
          return refuse(RunErrorCode.InputNotAvailable, MESSAGES.notRinging);
        return { ok: true, observations: this.runStep('scenario', () => this.pickUp()) };
      case 'move': {
        if (!this.compiled.moveIds.includes(input.move))
          return refuse(RunErrorCode.InputNotAvailable, MESSAGES.unknownMove(input.move));
        const event = this.eventFor(input.move);
        if (!this.canEvent(event))
          return refuse(RunErrorCode.InputNotAvailable, MESSAGES.moveNotNow(input.move));
        return {
          ok: true,
          observations: this.runStep('scenario', () => {
            this.send(event);
            if (this.compiled.scenario.moves[input.move]?.heard !== false) this.sendActed();
          }),
        };
      }
      case 'inject': {
        if (!this.compiled.injectIds.includes(input.inject)) {
          return refuse(RunErrorCode.InputNotAvailable, MESSAGES.unknownInject(input.inject));
        }
        if (!this.can(input.inject))
          return refuse(RunErrorCode.InputNotAvailable, MESSAGES.injectNotNow(input.inject));
        return { ok: true, observations: this.runStep('scenario', () => this.send({ type: input.inject })) };
      }
      case 'say':
        if (this.currentPhase !== 'connected')
          return refuse(RunErrorCode.InputNotAvailable, MESSAGES.notConnected);
        return {
          ok: true,
          observations: this.runStep('scenario', () => {
            this.send({ type: 'say', text: input.text });
            this.sendActed();
          }),
        };
      case 'hangup':
        return {
          ok: true,
          observations: this.runStep('hangup', () => {
            if (this.currentPhase === 'connected') this.send({ type: 'hangup' });
            if (!this.step?.ending) this.endWith(this.compiled.scenario.hangupEnding, 'hangup');
          }),
        };
      case 'hold':
      case 'unhold':
        return this.holdOrResume(input.kind);
      case 'adlib':
        if (this.currentPhase !== 'connected')
          return refuse(RunErrorCode.InputNotAvailable, MESSAGES.notConnected);
        return { ok: true, observations: [{ kind: 'line', line: ADLIB_LINE, text: input.text }] };
      case 'speak':
        return this.speak(input);
      case 'effect':
        return this.effect(input.effect);
      case 'interpret':
        return this.interpret(input);
      case 'correct':
        return this.correct(input);
      // Record-only inputs were answered above; listed for the exhaustive switch.
      case 'join':
      case 'note':
      case 'whisper':
      case 'bookmark':
      case 'projector':
        return this.record(input);
    }
  }

  /**
   * Free speech: an understood sentence applies its move; one not understood makes the caller
   * say « Pardon ? », or, with `askMs`, waits that long for the trainer's pick (a correction),
   * then says « Pardon ? ». A new sentence drops an earlier pick still waiting. Recorded with
   * `acted`, the sentence restarts the silence timers (see `actedFor`): after the move's event,
   * before « Pardon ? ». Not understood and recorded with `say` (see `takesSay`), the sentence is
   * the machine's `say` event, then `acted`, as a guided sentence: no « Pardon ? », no pick.
   * Waiting for a pick and recorded with `silenceAfterPick`, the timers its `acted` restarts are
   * due `askMs` later: they count from the wait's end, so the caller never asks whether anyone is
   * there while he still owes the sentence its answer.
   */
  private interpret(input: Extract<Input, { kind: 'interpret' }>): ApplyResult {
    if (this.currentPhase !== 'connected')
      return refuse(RunErrorCode.InputNotAvailable, MESSAGES.notConnected);
    if (input.n !== this.interpretations.length)
      return refuse(
        RunErrorCode.InputNotAvailable,
        MESSAGES.interpretationOrder(input.n, this.interpretations.length),
      );
    if (input.phone !== undefined) {
      const refused = this.phoneRefusal(input.phone);
      if (refused) return refused;
    }
    this.dropPendingPick();
    const move = input.understood && input.move !== null && this.can(input.move) ? input.move : null;
    if (this.interpretations === NO_INTERPRETATIONS) {
      this.interpretations = [];
      this.offeredAtReading = [];
    }
    this.interpretations.push(move);
    // A reading recorded before `offered` was: the moves of this moment, as the matcher had them
    // (read from the state, not through `availableMoves`: its cache would keep them past the
    // step below, which changes the state within the same moment).
    this.offeredAtReading.push(input.offered ?? this.compiled.moveIds.filter((id) => this.can(id)));
    // Read as the phone's hold or resume: what the listener's button does, the sentence kept as
    // the listener's words (the reading is the input the transcript shows).
    const acted = input.acted === true;
    if (input.phone !== undefined) return this.holdOrResume(input.phone, acted);
    if (move !== null) {
      const event = this.eventFor(move);
      return {
        ok: true,
        observations: this.runStep('scenario', () => {
          this.send(event);
          if (acted) this.sendActed();
        }),
      };
    }
    // Not read as a move, in a state that takes any words (`say`): the machine hears them as a
    // guided sentence, and answers them (no « Pardon ? », no pick to wait for).
    if (input.say === true) {
      return {
        ok: true,
        observations: this.runStep('scenario', () => {
          this.send({ type: 'say', text: input.text });
          if (acted) this.sendActed();
        }),
      };
    }
    // Not followed: the listener spoke all the same (the caller answers after). Waiting for the
    // trainer's pick, recorded so (`silenceAfterPick`): the timers this restarts count from the
    // wait's end — the caller answers the sentence first, then waits for the listener again.
    const afterPick = input.silenceAfterPick === true && input.askMs !== undefined ? input.askMs : 0;
    const heard = acted ? this.runStep('scenario', () => this.sendActedLater(afterPick)) : [];
    // Closing: the caller is saying goodbye (see `closingEnding`), no « Pardon ? » from the machine.
    if (this.currentPhase !== 'connected' || this.closingEnding) return { ok: true, observations: heard };
    if (input.askMs !== undefined) {
      const handle = this.clock.setTimeout(() => {
        this.forgetTimer(handle);
        if (this.pendingPick?.handle !== handle || this.currentPhase !== 'connected') return;
        this.pendingPick = null;
        this.moment += 1;
        this.onTimer([{ t: this.clock.now(), observation: this.pardon() }]);
      }, input.askMs);
      this.noteTimer(handle);
      this.pendingPick = {
        n: input.n,
        text: input.text,
        move: input.move,
        score: input.score,
        dueT: this.clock.now() + input.askMs,
        handle,
      };
      return { ok: true, observations: heard };
    }
    return { ok: true, observations: [...heard, this.pardon()] };
  }

  /** How many sentences have been interpreted (the next interpretation's `n`). */
  get interpretationCount(): number {
    return this.interpretations.length;
  }

  /**
   * The moves the state offered when interpretation `n` was read (undefined: no such reading):
   * those a correction of it may name, whatever the call offers since. The server refuses a
   * correction naming another (`input/not_offered_then`); the run itself does not, so that
   * corrections recorded before that rule still replay.
   */
  movesOfferedAt(n: number): readonly string[] | undefined {
    return this.offeredAtReading[n];
  }

  /**
   * Whether a trainer's correction of interpretation `n` to `move` would apply the move now:
   * the call is connected, the state offers `move`, and `n` did not already apply it. What the
   * first reading caused is never undone (the timeline only grows).
   */
  correctionApplies(n: number, move: string): boolean {
    return (
      this.currentPhase === 'connected' &&
      !this.clock.paused &&
      n >= 0 &&
      n < this.interpretations.length &&
      this.interpretations[n] !== move &&
      this.compiled.moveIds.includes(move) &&
      this.can(move)
    );
  }

  /**
   * A trainer's correction: ends a waiting pick; applies the move when `applied` (see above), as
   * the phone's hold or resume when it carries `phone`; with `acted`, the silence timers restart
   * after the move's event, as after the listener's own move.
   */
  private correct(input: Extract<Input, { kind: 'correct' }>): ApplyResult {
    if (this.currentPhase !== 'connected')
      return refuse(RunErrorCode.InputNotAvailable, MESSAGES.notConnected);
    if (input.n < 0 || input.n >= this.interpretations.length)
      return refuse(RunErrorCode.InputNotAvailable, MESSAGES.unknownInterpretation(input.n));
    if (!this.compiled.moveIds.includes(input.move))
      return refuse(RunErrorCode.InputNotAvailable, MESSAGES.unknownMove(input.move));
    if (input.applied && !this.correctionApplies(input.n, input.move))
      return refuse(RunErrorCode.InputNotAvailable, MESSAGES.moveNotNow(input.move));
    if (input.applied && input.phone !== undefined) {
      const refused = this.phoneRefusal(input.phone);
      if (refused) return refused;
    }
    if (this.pendingPick?.n === input.n) this.dropPendingPick();
    if (!input.applied) return { ok: true, observations: [] };
    this.interpretations[input.n] = input.move;
    // Corrected to the hold move or the resume: the phone's, as a reading of it would be.
    const acted = input.acted === true;
    if (input.phone !== undefined) return this.holdOrResume(input.phone, acted);
    const event = this.eventFor(input.move);
    return {
      ok: true,
      observations: this.runStep('scenario', () => {
        this.send(event);
        if (acted) this.sendActed();
      }),
    };
  }

  private dropPendingPick(): void {
    if (!this.pendingPick) return;
    this.clock.clearTimeout(this.pendingPick.handle);
    this.forgetTimer(this.pendingPick.handle);
    this.pendingPick = null;
  }

  /** The caller did not follow: one of the « Pardon ? » wordings, picked by the seed. */
  private pardon(): Observation {
    const text = pardonText(this.seed, this.pardons);
    this.pardons += 1;
    return { kind: 'line', line: PARDON_LINE, text };
  }

  /** A record-only input: nothing happens in the call (projector mode switches). */
  private record(input: Input): ApplyResult {
    if (input.kind === 'projector') this.projectorOn = input.on;
    return { ok: true, observations: [] };
  }

  /**
   * Phone hold: hold music for the caller; the machine sees the standard move
   * (`mettre_en_attente` / `reprendre_appel`) when the current state takes it, else the event
   * `hold` / `unhold` if some state handles it, else nothing. The button sends no `acted`; a
   * reading recorded with `acted` (the server records none with `phone`) sends it after.
   */
  private holdOrResume(kind: PhoneHold, acted = false): ApplyResult {
    const refused = this.phoneRefusal(kind);
    if (refused) return refused;
    this.held = kind === 'hold';
    const move = HOLD_MOVES[kind];
    const observations = this.runStep('scenario', () => {
      if (kind === 'hold') this.step?.observations.push({ kind: 'cue', cue: 'hold_music' });
      if (this.compiled.moveIds.includes(move) && this.can(move)) this.send(this.eventFor(move));
      else if (this.canEvent({ type: kind })) this.send({ type: kind });
      if (acted) this.sendActed();
    });
    return { ok: true, observations };
  }

  /** Why the phone cannot hold (or resume) now, if it cannot. */
  private phoneRefusal(kind: PhoneHold): ApplyResult | null {
    if (this.currentPhase !== 'connected')
      return refuse(RunErrorCode.InputNotAvailable, MESSAGES.notConnected);
    if (kind === 'hold' && this.held) return refuse(RunErrorCode.InputNotAvailable, MESSAGES.alreadyOnHold);
    if (kind === 'unhold' && !this.held) return refuse(RunErrorCode.InputNotAvailable, MESSAGES.notOnHold);
    return null;
  }

  /**
   * The phone's hold or resume that a free-speech reading of `move` is now (recorded with the
   * reading, `interpret.phone`): the hold move while the call is not on hold, the resume while it
   * is, in a call connected and not paused; otherwise none, and the reading stays a plain move.
   */
  phoneHoldFor(move: string | null): PhoneHold | undefined {
    if (this.currentPhase !== 'connected' || this.clock.paused) return undefined;
    if (move === HOLD_MOVES.hold && !this.held) return 'hold';
    if (move === HOLD_MOVES.unhold && this.held) return 'unhold';
    return undefined;
  }

  /**
   * The standard move of what the phone could do now — the hold (`mettre_en_attente`) while the
   * call is not on hold, the resume (`reprendre_appel`) while it is — when the call has that move:
   * in free speech the server reads a sentence against it too, whatever the state offers, as the
   * phone's button works in any state (a reading of it is recorded with `phone`).
   */
  phoneMove(): string | undefined {
    const move = HOLD_MOVES[this.held ? 'unhold' : 'hold'];
    return this.compiled.moveIds.includes(move) && this.phoneHoldFor(move) !== undefined ? move : undefined;
  }

  /**
   * Whether a free-speech sentence that applies `move` (null: none, not understood or waiting for
   * the trainer's pick), or a trainer's applied correction to `move`, is the listener acting for
   * the caller's silence timers (recorded with it, `acted`): a sentence not followed is still the
   * listener speaking, as a guided `say`; a move is, as a guided `move`, unless it is
   * `heard: false`; the phone's hold or resume (`phone`) is not, as the button is not.
   */
  actedFor(move: string | null, phone?: PhoneHold): boolean {
    if (phone !== undefined) return false;
    return move === null || this.compiled.scenario.moves[move]?.heard !== false;
  }

  /**
   * Whether the machine takes the listener's words as they are now (an active state has a `say`
   * transition enabled for `text`): a free-speech sentence not understood is then recorded with
   * `say` and reaches the machine as a guided sentence does, rather than « Pardon ? ».
   */
  takesSay(text: string): boolean {
    return this.canEvent({ type: 'say', text });
  }

  /** The caller actor's words: heard by the listener as a caller line. */
  private speak(input: Extract<Input, { kind: 'speak' }>): ApplyResult {
    if (!this.callerActor) return refuse(RunErrorCode.InputNotAvailable, MESSAGES.noCallerActor);
    if (this.currentPhase !== 'connected')
      return refuse(RunErrorCode.InputNotAvailable, MESSAGES.notConnected);
    const scripted = input.line !== undefined ? this.compiled.scenario.lines[input.line] : undefined;
    if (input.line !== undefined) {
      const index = this.pendingSuggestions.findIndex((s) => s.line === input.line);
      if (index >= 0) this.pendingSuggestions.splice(index, 1);
    }
    const line: Observation = {
      kind: 'line',
      line: input.line ?? ACTOR_LINE,
      text: input.text,
      ...(scripted?.cue ? { cue: scripted.cue } : {}),
      ...(scripted?.direction ? { direction: scripted.direction } : {}),
      ...(scripted?.voice ? { voice: scripted.voice } : {}),
    };
    // The last of the caller's last words said: the call ends as the machine decided, after them.
    if (this.closingEnding && this.pendingSuggestions.length === 0) {
      const closing = this.closingEnding;
      return {
        ok: true,
        observations: this.runStep(closing.reason, () => {
          this.step?.observations.push(line);
          this.finish(closing.ending, closing.reason, closing.message, closing.outcome);
        }),
      };
    }
    return { ok: true, observations: [line] };
  }

  /**
   * A generic effect: line noise, a silence, background noise give a cue; the caller hanging up
   * or the line dropping ends the call with the scenario's hang-up ending (reason
   * `caller_hangup` / `call_drop`), even while it rings.
   */
  private effect(effect: GenericEffect): ApplyResult {
    if (effect === 'caller_hangup' || effect === 'call_drop') {
      return {
        ok: true,
        observations: this.runStep(effect, () => {
          if (effect === 'caller_hangup') this.step?.observations.push({ kind: 'cue', cue: 'hangup' });
          this.endWith(this.compiled.scenario.hangupEnding, effect);
        }),
      };
    }
    if (this.currentPhase !== 'connected')
      return refuse(RunErrorCode.InputNotAvailable, MESSAGES.notConnected);
    return { ok: true, observations: [{ kind: 'cue', cue: EFFECT_CUES[effect] }] };
  }

  /**
   * What the views derive from the machine at this moment (see `moment`): the offered moves, the
   * injects with their reasons and the gauges are computed from the phase, the pause, and the
   * machine's snapshot (status, active states, context — guards and move counts read nothing else).
   */
  private derivedNow(): typeof this.derived {
    const derived = this.derived;
    if (derived.moment !== this.moment) {
      const snapshot = this.actor?.getSnapshot();
      const paused = this.clock.paused;
      // Most moments (a sentence said) change none of it: the same lists, shared by the views of
      // both moments (less to hold, and a view compared with the last one sent finds them equal
      // at once).
      if (
        derived.moment >= 0 &&
        derived.phase === this.currentPhase &&
        derived.paused === paused &&
        derived.status === snapshot?.status &&
        sameStateValue(derived.value, snapshot?.value) &&
        sameStateValue(derived.context, snapshot?.context)
      ) {
        derived.moment = this.moment;
      } else {
        this.derived = {
          moment: this.moment,
          phase: this.currentPhase,
          paused,
          status: snapshot?.status,
          value: snapshot?.value,
          context: snapshot?.context,
        };
      }
    }
    return this.derived;
  }

  /** Moves the listener could make right now (none unless the call is connected). Shared: do not modify. */
  availableMoves(): MoveOption[] {
    const derived = this.derivedNow();
    const offered = offersOf(this.compiled).moves;
    return (derived.moves ??= this.compiled.moveIds
      .filter((id) => this.can(id))
      .map((id) => offered.get(id)!));
  }

  /** Every inject, available now or not and why. Shared: do not modify. */
  injectOptions(): InjectOption[] {
    const derived = this.derivedNow();
    const offered = offersOf(this.compiled).injects;
    return (derived.injects ??= this.compiled.injectIds.map((id) => {
      const inject = this.compiled.scenario.injects[id]!;
      const available = this.can(id);
      if (available) return offered.get(id)!;
      const { reason } = this.availabilityOf(id);
      return { id, label: inject.label, help: inject.help, available, ...(reason ? { reason } : {}) };
    }));
  }

  /** The hidden variables as gauges, in the scenario's order. Shared: do not modify. */
  gauges(): VariableGauge[] {
    const derived = this.derivedNow();
    if (derived.gauges) return derived.gauges;
    const { scenario } = this.compiled;
    const vars = this.variables;
    return (derived.gauges = Object.entries(scenario.variables).map(([id, v]) => ({
      id,
      label: v.label,
      value: vars[id] ?? v.initial,
      min: v.min,
      max: v.max,
      // The scenario's own thresholds (read-only, as the lists are): not a copy per run.
      ...(v.thresholds ? { thresholds: v.thresholds } : {}),
    })));
  }

  /**
   * With a caller actor: whether the machine has reached its ending and waits for the actor to
   * say the caller's last words (the suggestions) before the call ends (see `closingEnding`).
   */
  get closing(): boolean {
    return this.closingEnding !== null;
  }

  /** With a caller actor: the machine's lines of its last step that said any, not yet spoken. */
  get suggestions(): { line: string; text: string }[] {
    return this.pendingSuggestions.map((s) => ({ ...s }));
  }

  viewFor(role: 'trainer'): TrainerView;
  viewFor(role: 'listener' | 'observer'): ListenerView;
  viewFor(role: 'callerActor'): CallerActorView;
  viewFor(role: Role): RoleView;
  viewFor(role: Role): RoleView {
    const state = this.viewState();
    switch (role) {
      case 'listener':
        return listenerView(state);
      case 'observer':
        return observerView(state);
      case 'trainer':
        return trainerView(state);
      case 'callerActor':
        return callerActorView(state);
    }
  }

  /**
   * The views of several roles at this moment, from one `viewState` (the live runtime builds
   * every role's view after each input: one state read instead of one per role).
   */
  viewsFor(roles: readonly Role[]): Partial<Record<Role, RoleView>> {
    const state = this.viewState();
    const views: Partial<Record<Role, RoleView>> = {};
    for (const role of roles) {
      switch (role) {
        case 'listener':
          views.listener = listenerView(state);
          break;
        case 'observer':
          views.observer = observerView(state);
          break;
        case 'trainer':
          views.trainer = trainerView(state);
          break;
        case 'callerActor':
          views.callerActor = callerActorView(state);
          break;
      }
    }
    return views;
  }

  /** What the role views read of this moment (`views/run-state.ts`). */
  viewState(): RunState {
    this.stateInfo ??= stateInfoOf(this.compiled);
    const pick = this.pendingPick;
    return {
      scenario: this.compiled.scenario,
      phase: this.currentPhase,
      paused: this.clock.paused,
      onHold: this.held,
      t: this.clock.now(),
      states: this.lastStates,
      stateInfo: this.stateInfo,
      moves: this.availableMoves(),
      injects: this.injectOptions(),
      gauges: this.gauges(),
      suggestions: this.pendingSuggestions,
      closing: this.closingEnding !== null,
      ending: this.endingView,
      projector: this.projectorOn,
      callerActor: this.callerActor,
      hintMode: this.hintMode,
      pendingPick: pick
        ? { n: pick.n, text: pick.text, move: pick.move, score: pick.score, dueT: pick.dueT }
        : null,
    };
  }

  // -------------------------------------------------------------------------------------------

  private context(): CallContext | undefined {
    return this.actor?.getSnapshot().context as CallContext | undefined;
  }

  private can(eventType: string): boolean {
    return this.canEvent(this.eventFor(eventType));
  }

  private canEvent(event: { type: string; moveCount?: number; text?: string }): boolean {
    if (this.currentPhase !== 'connected' || !this.actor) return false;
    const snapshot = this.actor.getSnapshot();
    if (snapshot.status !== 'active') return false;
    try {
      return snapshot.can(event);
    } catch {
      return false;
    }
  }

  /** The event a move or inject id becomes; a move carries the count it brings its move to. */
  private eventFor(id: string): { type: string; moveCount?: number } {
    if (!this.compiled.moveIds.includes(id)) return { type: id };
    return { type: id, moveCount: (this.context()?.moveCounts[id] ?? 0) + 1 };
  }

  private pickUp(): void {
    // The actor's timers go through the session clock; each firing is a step of its own.
    const port = new ActorPort(this);
    const input: CallMachineInput = { seed: this.seed };
    const onTransitions = this.onTransitions;
    const inspect = onTransitions
      ? (event: InspectionEvent): void => {
          if (event.type !== '@xstate.microstep') return;
          const ids = (event as { _transitions?: { meta?: { transition?: string } }[] })._transitions
            ?.map((t) => t.meta?.transition)
            .filter((id): id is string => id !== undefined);
          if (ids && ids.length > 0) onTransitions(ids);
        }
      : undefined;
    const actor = createActor(this.compiled.machine, {
      clock: port,
      input,
      ...(inspect ? { inspect } : {}),
    }) as CallActor;
    bindObservationSink(actor, port);
    // Without an error listener XState rethrows on a global timer; we turn errors into an ending.
    actor.subscribe({ error: (err) => (this.runtimeError ??= err) });
    this.actor = actor;
    this.currentPhase = 'connected';
    actor.start();
  }

  /** @internal The actor's clock (through `ActorPort`): a timer of the machine, on the session clock. */
  actorSetTimeout(fn: (...args: unknown[]) => void, ms: number): number {
    const handle = this.clock.setTimeout(() => {
      this.forgetTimer(handle);
      this.onClockTimer(fn);
    }, ms + this.timersLater);
    this.noteTimer(handle);
    this.lastTimerHandle = handle;
    return handle;
  }

  /** @internal The actor's clock (through `ActorPort`). */
  actorClearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.forgetTimer(handle);
    this.clock.clearTimeout(handle);
  }

  /** @internal What the machine's actions observe (through `ActorPort`): into the current step. */
  machineObserved(said: Observation): void {
    if (!this.step || this.step.ending || this.closingEnding) return;
    const observation = said.kind === 'line' ? this.worded(said) : said;
    if (this.callerActor && observation.kind === 'line') {
      // The actor reads it and speaks (or not): nothing is heard until they do.
      this.step.observations.push({ kind: 'suggestion', line: observation.line, text: observation.text });
    } else {
      this.step.observations.push(observation);
    }
  }

  /** @internal The machine's `end` action (through `ActorPort`). */
  machineEnded(ending: string): void {
    if (this.step && !this.step.ending && !this.closingEnding) this.endWith(ending, this.step.reason);
  }

  /** A scripted line in the wording due this time (see `lineWording`). */
  private worded(line: Extract<Observation, { kind: 'line' }>): Extract<Observation, { kind: 'line' }> {
    if (!this.compiled.scenario.lines[line.line]?.variants?.length) return line;
    const said = (this.saidCount ??= new Map());
    const occurrence = said.get(line.line) ?? 0;
    said.set(line.line, occurrence + 1);
    const text = lineWording(this.compiled.scenario, this.seed, line.line, occurrence);
    return text === undefined || text === line.text ? line : { ...line, text };
  }

  /**
   * `sendActed`, the timers it (re)starts due `laterMs` later than their delay says: from the end
   * of a pick's wait rather than from the sentence (`interpret.silenceAfterPick`).
   */
  private sendActedLater(laterMs: number): void {
    this.timersLater = laterMs;
    try {
      this.sendActed();
    } finally {
      this.timersLater = 0;
    }
  }

  /** After a move or a sentence: the listener acted (silence timers restart), unless it ended the call. */
  private sendActed(): void {
    if (this.currentPhase !== 'connected' || this.step?.ending || this.closingEnding) return;
    if (this.actedShortcut && this.actedWithoutXState(ACTED)) return;
    this.actedCounts.sent += 1;
    this.send({ type: ACTED_EVENT });
  }

  /** `acted` done without XState's macrostep when that would only restart timers or change nothing. */
  private actedWithoutXState(event: { type: string }): boolean {
    const actor = this.actor;
    if (!actor) return false;
    const handled = eventsHandledBy(this.compiled.machine);
    if (!handled) return false;
    const snapshot = actor.getSnapshot();
    if (snapshot.status !== 'active') return false;
    let cached = this.actedPlanFor;
    if (!cached || !sameStateValue(cached.value, snapshot.value)) {
      const plan = handled.has(ACTED_EVENT)
        ? sharedActedPlan(this.compiled.machine, snapshot, ACTED_EVENT)
        : IGNORE_ACTED;
      cached = this.actedPlanFor = { value: snapshot.value, plan };
    }
    const { plan } = cached;
    if (!planHolds(plan, snapshot.context as CallContext, event)) return false;
    if (plan.kind === 'restart') {
      this.restart(actor, plan);
      this.actedCounts.restarted += 1;
    } else {
      this.actedCounts.ignored += 1;
    }
    return true;
  }

  /**
   * A leaf's timers restarted: moved on the session clock when this run set them last (same ids,
   * same callbacks, the same order among timers due together as new ones), else through XState's
   * scheduler (its `cancel`s, then its `schedule`s), noting the handles for next time.
   */
  private restart(actor: CallActor, plan: Extract<ActedPlan, { kind: 'restart' }>): void {
    const handles = this.restartHandles;
    // Indexed loops: no iterator objects before the code is optimised (a process's first replay).
    const timers = plan.timers;
    let held = true;
    for (let i = 0; i < timers.length; i++)
      if (!this.clock.has(handleOf(handles, timers[i]!.id))) held = false;
    if (held) {
      for (let i = 0; i < timers.length; i++)
        this.clock.retime(handleOf(handles, timers[i]!.id), timers[i]!.delay + this.timersLater);
      return;
    }
    // Each `schedule` takes one new handle from the actor's clock; one that took none is not noted.
    let previous = this.lastTimerHandle;
    restartTimers(actor, plan, (timer) => {
      const handle = this.lastTimerHandle;
      this.restartHandles = noted(
        this.restartHandles,
        timer.id,
        handle !== undefined && handle !== previous ? handle : undefined,
      );
      previous = handle;
    });
  }

  private send(event: { type: string; moveCount?: number; text?: string }): void {
    // An event no state has a transition for changes nothing: no transition is taken, and the
    // eventless ones see the same context (guards read the context, and only a move's count of
    // the event). Most scenarios take no `say` (a sentence is heard through `acted`): skipping it
    // spares one of the two macrosteps of every sentence, live and in replay.
    const handled = eventsHandledBy(this.compiled.machine);
    if (handled && !handled.has(event.type)) return;
    // Closing: the machine has stopped (see `closingEnding`).
    if (this.closingEnding) return;
    this.actor?.send(event);
  }

  private onClockTimer(fn: (...args: unknown[]) => void): void {
    if (this.currentPhase !== 'connected') return;
    this.moment += 1;
    const observations = this.runStep('scenario', () => fn());
    if (this.log) for (const observation of observations) this.remember({ kind: 'observation', observation });
    if (observations.length > 0) {
      const t = this.clock.now();
      this.onTimer(observations.map((observation) => ({ t, observation })));
    }
  }

  /** Runs one step and returns its observations in the documented order. */
  private runStep(reason: EndReason, body: () => void): Observation[] {
    const outer = this.step;
    const step: Step = { observations: [], reason, ending: undefined };
    this.step = step;
    try {
      body();
      if (!step.ending && this.currentPhase === 'connected' && this.actor && !this.closingEnding) {
        const snapshot = this.actor.getSnapshot();
        if (snapshot.status === 'error' || this.runtimeError !== undefined) {
          const err = this.runtimeError ?? (snapshot as { error?: unknown }).error;
          this.finish(
            null,
            'scenario',
            MESSAGES.runtimeError(err instanceof Error ? err.message.split('\n')[0]! : String(err)),
          );
        } else if (snapshot.status === 'done') {
          // A final top-level state reached without an `end` action: the caller hung up.
          this.endWith(this.compiled.scenario.hangupEnding, 'scenario');
        }
      }
    } finally {
      this.step = outer;
    }
    const observations = step.observations;
    if (this.actor && (this.currentPhase === 'connected' || step.ending)) {
      // After a stop, the snapshot keeps the value it stopped in; after an error, the last good one.
      // Most steps (a sentence, a silence timer restarted) end in the states they began in: the
      // value is compared in place before any list of leaves is built.
      const snapshot = this.actor.getSnapshot();
      if (snapshot.status !== 'error' && !sameStateValue(snapshot.value, this.lastValue)) {
        const states = activeLeaves(this.actor);
        this.lastValue = snapshot.value;
        if (!sameList(states, this.lastStates)) {
          observations.push({ kind: 'state', states });
          this.lastStates = states;
        }
      }
    }
    if (step.ending) {
      this.withFeedback(step.ending, observations);
      observations.push({ kind: 'ending', ...step.ending });
    }
    // Only a caller actor's run turns the machine's lines into suggestions.
    if (this.callerActor) {
      let suggested: { line: string; text: string }[] | undefined;
      for (const o of observations)
        if (o.kind === 'suggestion') (suggested ??= []).push({ line: o.line, text: o.text });
      if (suggested) this.pendingSuggestions = suggested;
    }
    return observations;
  }

  /**
   * An ending with `feedback`: its message gets the rubric's results, scored on what the run
   * applied and observed, this step's input and observations and the ending itself included.
   */
  private withFeedback(view: EndingView, observations: readonly Observation[]): void {
    const id = view.ending;
    const log = this.log;
    if (!log || id === null || !this.compiled.scenario.endings[id]?.feedback) return;
    const before = log.length;
    try {
      if (this.stepInput) this.remember({ kind: 'input', input: this.stepInput });
      for (const observation of observations) this.remember({ kind: 'observation', observation });
      this.remember({ kind: 'observation', observation: { kind: 'ending', ...view } });
      const results = scoreRubric(this.compiled, log, { seed: this.seed });
      view.message = endingMessage(this.compiled.scenario, id, results);
    } finally {
      // The step's own entries are logged once the step is over (by `apply` or the timer).
      log.length = before;
    }
  }

  private endWith(endingId: string, reason: EndReason): void {
    const ending = this.compiled.scenario.endings[endingId];
    this.finish(endingId, reason, ending?.message ?? MESSAGES.machineDone, ending?.outcome ?? null);
  }

  /** Ends the call: records the ending in the current step, stops the actor and its timers. */
  private finish(
    ending: string | null,
    reason: EndReason,
    message: string,
    outcome: EndingView['outcome'] = null,
  ): void {
    if (this.currentPhase === 'ended') return;
    // Closing, whatever ends the call now (the last words said, the trainer, a hang-up, the line
    // cut) ends it as the machine decided: the outcome was reached, only the goodbye was missing.
    const view: EndingView = this.closingEnding ?? { ending, outcome, message, reason };
    if (!this.closingEnding && this.saysLastWords(reason, ending)) {
      this.closingEnding = view;
      this.pendingPick = null;
      this.actor?.stop();
      this.clearTimers();
      return;
    }
    this.closingEnding = null;
    if (this.step) this.step.ending = view;
    this.endingView = view;
    this.currentPhase = 'ended';
    this.held = false;
    this.pendingPick = null;
    // Stopped after the current macrostep: XState queues the stop behind the event being processed.
    this.actor?.stop();
    this.clearTimers();
  }

  /**
   * Whether the machine's ending reached in this step waits for the caller actor's last words:
   * the scenario ended the call (not a hang-up, the trainer or an error) in a step whose lines
   * went to the actor as suggestions.
   */
  private saysLastWords(reason: EndReason, ending: string | null): boolean {
    if (!this.callerActor || reason !== 'scenario' || ending === null || !this.step) return false;
    return this.step.observations.some((o) => o.kind === 'suggestion');
  }

  private noteTimer(handle: number): void {
    this.timerHandles = this.timerHandles.concat(handle);
  }

  private forgetTimer(handle: number): void {
    const handles = this.timerHandles;
    const index = handles.indexOf(handle);
    if (index < 0) return;
    this.timerHandles =
      handles.length === 1 ? NO_HANDLES : handles.slice(0, index).concat(handles.slice(index + 1));
  }

  /** Clears every pending timer this run set. */
  private clearTimers(): void {
    const handles = this.timerHandles;
    this.timerHandles = NO_HANDLES;
    for (const handle of handles) this.clock.clearTimeout(handle);
  }
}

/**
 * What a run's actor calls back: its clock (XState's `clock` option) and its observation sink, as
 * one object whose methods every run shares. Closures made per run cost ~0.3 KB a run, and each
 * new run's first call through them met code optimised for the closures of an earlier run (a
 * « wrong call target » deoptimisation in the compiled actions' and XState's code at every new
 * run's first steps: the first replays of a process paid for it).
 */
class ActorPort implements ObservationSink {
  constructor(private readonly run: CallRun) {}

  setTimeout(fn: (...args: unknown[]) => void, ms: number): number {
    return this.run.actorSetTimeout(fn, ms);
  }

  clearTimeout(handle: unknown): void {
    this.run.actorClearTimeout(handle);
  }

  observe(observation: Observation): void {
    this.run.machineObserved(observation);
  }

  end(ending: string): void {
    this.run.machineEnded(ending);
  }
}

/** What a run starts with (shared, never changed: replaced at the first one). */
const NO_HANDLES: readonly number[] = Object.freeze([]);
const NO_SUGGESTIONS = Object.freeze([]) as unknown as { line: string; text: string }[];
const NO_INTERPRETATIONS = Object.freeze([]) as unknown as (string | null)[];
const NO_OFFERED_AT_READING = Object.freeze([]) as unknown as (readonly string[])[];

/** Clock handles of restarted timers, by XState's timer id: `[id, handle, id, handle, …]`. */
type RestartHandles = readonly (string | number)[];

const NO_RESTART_HANDLES: RestartHandles = Object.freeze([]);

function handleOf(handles: RestartHandles, id: string): number | undefined {
  for (let i = 0; i < handles.length; i += 2) if (handles[i] === id) return handles[i + 1] as number;
  return undefined;
}

/**
 * `handles` with `handle` noted for timer `id` (replacing the one noted), or without the id
 * (`undefined`): the same list when nothing changes, else a new one of its size.
 */
function noted(handles: RestartHandles, id: string, handle: number | undefined): RestartHandles {
  let i = 0;
  while (i < handles.length && handles[i] !== id) i += 2;
  if (i >= handles.length) return handle === undefined ? handles : handles.concat(id, handle);
  if (handles[i + 1] === handle) return handles;
  if (handle === undefined) return handles.slice(0, i).concat(handles.slice(i + 2));
  const copy = handles.slice();
  copy[i + 1] = handle;
  return copy;
}

/** The plan when no state takes `acted` at all. */
const IGNORE_ACTED: ActedPlan = Object.freeze({ kind: 'ignore', alwaysGuards: Object.freeze([]) });

function refuse(code: RunErrorCode, text: EngineMessage): ApplyResult {
  return { ok: false, code, message: frenchText(text), text };
}

/**
 * Whether two XState state values are equal (strings and nested objects of them), without
 * allocating; also two contexts (plain objects and arrays of numbers, booleans and strings).
 */
function sameStateValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (!Object.hasOwn(y, key) || !sameStateValue(x[key], y[key])) return false;
    keys += 1;
  }
  for (const key in y) if (Object.hasOwn(y, key)) keys -= 1;
  return keys === 0;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Leaf state ids of the actor's current state value, as dotted paths in document order. */
function activeLeaves(actor: CallActor): string[] {
  const snapshot = actor.getSnapshot();
  if (snapshot.status === 'error') return [];
  const out: string[] = [];
  const walk = (value: unknown, prefix: string): void => {
    if (typeof value === 'string') {
      out.push(prefix ? `${prefix}.${value}` : value);
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0 && prefix) out.push(prefix);
      for (const [key, child] of entries) walk(child, prefix ? `${prefix}.${key}` : key);
    }
  };
  walk(snapshot.value, '');
  // `push` grew the array to room for 17 (152 B): the run keeps it (`lastStates`), at its size.
  return out.slice();
}
