// What the floor knows of one call, kept up to date from its timeline's new entries and the
// trainer's view, and turned into a tile at a given session time (pure: no clock, no IO).
// Alerts: a silence (connected, not on hold, no listener move or words) over FLOOR_SILENCE_MS;
// a variable at its danger threshold; a step of the rubric's protocol missed (an automatic
// criterion on a move or a state with a delay, the delay past and the step not taken); the
// call ended.
import { gaugeLevel, moveMadeBy, phoneHoldOf, stateLabels } from '@ecoute/engine';
import type { CompiledScenario, TimelineEntry, TrainerView } from '@ecoute/engine';
import { FLOOR_SILENCE_MS, SPARKLINE_POINTS } from '@ecoute/protocol';
import type { FloorAlert, FloorTile } from '@ecoute/protocol';

/** Who plays what in the call (pseudonyms), and where it sits in the class. */
export interface CallCast {
  sessionId: string;
  round: number;
  group: number;
  listener: string | null;
  callerActor: string | null;
  observers: string[];
}

interface ProtocolStep {
  label: string;
  within: number;
  move?: string;
  state?: string;
}

const steps = new WeakMap<CompiledScenario, ProtocolStep[]>();
const labels = new WeakMap<CompiledScenario, Record<string, string>>();

/** The rubric's automatic criteria that have a delay: the steps of the call's protocol. */
function protocolSteps(compiled: CompiledScenario): ProtocolStep[] {
  let found = steps.get(compiled);
  if (!found) {
    found = [];
    for (const competency of compiled.scenario.rubric ?? [])
      for (const criterion of competency.criteria) {
        if (!('auto' in criterion)) continue;
        const auto = criterion.auto;
        // A window that starts at an inject is not a step of the protocol from pickup.
        if (('move' in auto || 'state' in auto) && auto.since !== undefined) continue;
        if ('move' in auto && auto.within !== undefined)
          found.push({ label: criterion.label, within: auto.within, move: auto.move });
        else if ('state' in auto && auto.within !== undefined)
          found.push({ label: criterion.label, within: auto.within, state: auto.state });
      }
    steps.set(compiled, found);
  }
  return found;
}

function stateLabelsOf(compiled: CompiledScenario): Record<string, string> {
  let found = labels.get(compiled);
  if (!found) {
    found = stateLabels(compiled.scenario);
    labels.set(compiled, found);
  }
  return found;
}

/** Urgency weights: the floor sorts by their sum, highest first. */
const URGENCY: Record<FloorAlert['kind'], number> = { danger: 8, protocol_missed: 4, silence: 2, ended: 1 };

export class CallWatch {
  lastSeq = 0;
  private view: TrainerView | null = null;
  private pickupT: number | null = null;
  /** Session time of the listener's last move or words (or the pickup, or the end of a hold). */
  private activityT: number | null = null;
  private onHold = false;
  private readonly moves = new Set<string>();
  private readonly entered = new Set<string>();
  private readonly history = new Map<string, number[]>();

  constructor(
    readonly cast: CallCast,
    readonly compiled: CompiledScenario,
  ) {}

  /** Takes the entries after `lastSeq` (in order) and the trainer's view of that moment. */
  absorb(entries: readonly TimelineEntry[], view: TrainerView): void {
    for (const entry of entries) {
      if (entry.seq <= this.lastSeq) continue;
      this.lastSeq = entry.seq;
      if (entry.kind === 'input') {
        const { input } = entry;
        const move = moveMadeBy(input);
        if (move) this.moves.add(move);
        if (input.kind === 'pickup') {
          this.pickupT = entry.t;
          this.activityT = entry.t;
        } else if (phoneHoldOf(input) === 'hold') {
          this.onHold = true;
        } else if (phoneHoldOf(input) === 'unhold') {
          this.onHold = false;
          this.activityT = entry.t;
        } else if (entry.source === 'listener' && (move !== null || input.kind === 'say')) {
          this.activityT = entry.t;
        } else if (input.kind === 'interpret') {
          this.activityT = entry.t;
        }
      } else if (entry.observation.kind === 'variable') {
        const { variable, value, previous } = entry.observation;
        const points = this.history.get(variable) ?? [previous];
        points.push(value);
        if (points.length > SPARKLINE_POINTS) points.splice(0, points.length - SPARKLINE_POINTS);
        this.history.set(variable, points);
      } else if (entry.observation.kind === 'state') {
        for (const path of entry.observation.states) {
          // A step on a parent state is taken when any of its children is entered.
          const parts = path.split('.');
          for (let i = 1; i <= parts.length; i++) this.entered.add(parts.slice(0, i).join('.'));
        }
      }
    }
    this.view = view;
  }

  /** The tile at session time `now` (the call's clock). */
  tile(now: number, scenarioTitle: string): FloorTile {
    const view = this.view;
    const phase = view?.phase ?? 'ringing';
    const paused = view?.paused ?? false;
    const alerts: FloorAlert[] = [];
    const variables = (view?.variables ?? []).map((gauge) => {
      const level = gaugeLevel(gauge);
      if (level === 'danger' && phase !== 'ended') alerts.push({ kind: 'danger', variable: gauge.label });
      return {
        id: gauge.id,
        label: gauge.label,
        value: gauge.value,
        min: gauge.min,
        max: gauge.max,
        level,
        history: [...(this.history.get(gauge.id) ?? [gauge.value])],
      };
    });
    if (phase === 'connected' && this.pickupT !== null) {
      for (const step of protocolSteps(this.compiled)) {
        const taken =
          step.move !== undefined ? this.moves.has(step.move) : this.entered.has(step.state ?? '');
        if (!taken && now - this.pickupT > step.within)
          alerts.push({ kind: 'protocol_missed', criterion: step.label });
      }
      const silent = now - (this.activityT ?? this.pickupT);
      if (!this.onHold && silent > FLOOR_SILENCE_MS) alerts.push({ kind: 'silence', ms: silent });
    }
    if (phase === 'ended') alerts.push({ kind: 'ended', outcome: view?.ending?.outcome ?? null });
    const leaf = view?.states[0];
    return {
      ...this.cast,
      scenarioTitle,
      t: Math.round(phase === 'ended' ? (view?.t ?? now) : now),
      callMs:
        this.pickupT === null
          ? null
          : Math.max(0, Math.round((phase === 'ended' ? (view?.t ?? now) : now) - this.pickupT)),
      paused,
      phase,
      stateLabel: leaf ? (stateLabelsOf(this.compiled)[leaf] ?? '') : '',
      variables,
      alerts,
      urgency: alerts.reduce((sum, alert) => sum + URGENCY[alert.kind], 0),
    };
  }
}

/** The floor's order: most urgent first, then by round and group. */
export function byUrgency(a: FloorTile, b: FloorTile): number {
  return b.urgency - a.urgency || a.round - b.round || a.group - b.group;
}
