// The debrief of one session, loaded: the lanes and curves on one time axis, the moment picked
// (state graph, variables, transcript as they were then), playback, and the panels (measures,
// rubric, self-assessment, marks, notes). Pure of any network: the API comes in as a prop.
import { Suspense, lazy, memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { CallPhase, ScenarioGraph, TimelineEntry, VariableGauge } from '@ecoute/engine';
import type { Debrief, JudgmentRequest, SelfAssessmentRequest } from '@ecoute/protocol';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ScenarioStates } from '../trainer/ScenarioStates.js';
import { VariableGauges } from '../trainer/VariableGauges.js';
import { describeEntry, outcomeText } from '../ui/describeEntry.js';
import { formatDuration } from '../ui/formatDuration.js';
import type { KnownLabels } from '../ui/useKnownLabels.js';
import { VoiceSwitch } from '../ui/VoiceSwitch.js';
import type { DebriefApi } from './debriefApi.js';
import { ExportButtons } from './ExportButtons.js';
import { laneOf } from './lanes.js';
import { MarksPanel, type MarkActions } from './MarksPanel.js';
import { MeasuresPanel, NotesPanel } from './MeasuresPanel.js';
import { indexAtTime, indexOfSeq, momentAt, variableSeries } from './moment.js';
import { MomentTranscript } from './MomentTranscript.js';
import { PrintReport } from './PrintReport.js';
import { RubricPanel } from './RubricPanel.js';
import { SelfAssessmentForm } from './SelfAssessmentForm.js';
import { TimelineLanes, type Cursor } from './TimelineLanes.js';
import { SPEEDS, usePlayback } from './usePlayback.js';

const PHASE_KEYS: Record<CallPhase, MessageKey> = {
  ringing: 'phase.ringing',
  connected: 'phase.connected',
  ended: 'phase.ended',
};

// Memoised: stepping through moments re-renders it only when the states change.
const StateGraph = lazy(() => import('../charts/StateGraph.js').then((m) => ({ default: memo(m.default) })));

export interface GraphProps {
  graph: ScenarioGraph;
  states: readonly string[];
  entries: readonly TimelineEntry[];
  label: string;
}

function defaultGraph(props: GraphProps): ReactNode {
  return (
    <Suspense fallback={null}>
      <StateGraph {...props} />
    </Suspense>
  );
}

/** How many of the ascending `indices` are at most `index`. */
function countAtMost(indices: readonly number[], index: number): number {
  let lo = 0;
  let hi = indices.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((indices[mid] ?? Infinity) <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keys that step through the moments, unless typing or choosing in a form control. */
function isStepKeyTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return !target.closest('input, textarea, select, [contenteditable="true"]');
}

export function DebriefView({
  initial,
  api,
  synth,
  renderGraph = defaultGraph,
}: {
  initial: Debrief;
  api: DebriefApi;
  synth?: SpeechSynthesis | undefined;
  renderGraph?: (props: GraphProps) => ReactNode;
}) {
  const { t } = useI18n();
  const [debrief, setDebrief] = useState(initial);
  const { entries, scenario } = debrief;
  const [cursor, setCursor] = useState<Cursor>(() => ({
    index: entries.length - 1,
    t: entries.at(-1)?.t ?? 0,
  }));
  const [voiceOn, setVoiceOn] = useState(true);
  const momentHeading = useId();
  const transcriptHeading = useId();

  const labels = useMemo<KnownLabels>(
    () => ({
      moves: new Map(Object.entries(scenario.labels.moves)),
      injects: new Map(Object.entries(scenario.labels.injects)),
      variables: new Map(Object.entries(scenario.labels.variables)),
      states: new Map(Object.entries(scenario.labels.states)),
    }),
    [scenario],
  );
  const describe = useCallback((entry: TimelineEntry) => describeEntry(entry, labels, t), [labels, t]);
  const describeText = useCallback(
    (entry: TimelineEntry) => {
      const line = describe(entry);
      return `${line.speaker} : ${[line.cue, line.text].filter(Boolean).join(' ')}`;
    },
    [describe],
  );
  const lanes = useMemo(() => entries.map(laneOf), [entries]);
  const series = useMemo(() => variableSeries(entries, scenario.variables), [entries, scenario.variables]);
  const moment = useMemo(
    () => momentAt(entries, cursor.index, scenario.variables),
    [entries, cursor.index, scenario.variables],
  );
  // The graph and the state path read only `state` observations: they change when one is crossed.
  const stateIndices = useMemo(
    () => entries.flatMap((e, i) => (e.kind === 'observation' && e.observation.kind === 'state' ? [i] : [])),
    [entries],
  );
  const statesCrossed = countAtMost(stateIndices, cursor.index);
  const stateEntries = useMemo(
    () => stateIndices.slice(0, statesCrossed).map((i) => entries[i]!),
    [stateIndices, statesCrossed, entries],
  );
  const activeStates = useMemo(() => {
    const last = stateEntries.at(-1);
    return last?.kind === 'observation' && last.observation.kind === 'state' ? last.observation.states : [];
  }, [stateEntries]);
  // The graph (a heavy chunk and a layout) comes after the first paint of the lanes.
  const [graphShown, setGraphShown] = useState(false);
  useEffect(() => {
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => setGraphShown(true));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, []);
  const duration = entries.at(-1)?.t ?? 0;

  const playback = usePlayback({
    entries,
    cursor,
    onCursor: setCursor,
    voice: scenario.voice,
    voiceOn,
    synth,
  });

  const pickIndex = useCallback(
    (index: number) => {
      const bounded = Math.max(-1, Math.min(entries.length - 1, index));
      setCursor({ index: bounded, t: bounded >= 0 ? (entries[bounded]?.t ?? 0) : 0 });
    },
    [entries],
  );
  const jumpToSeq = useCallback((seq: number) => pickIndex(indexOfSeq(entries, seq)), [entries, pickIndex]);
  const jumpToTime = useCallback(
    (time: number, seq: number | null) =>
      seq !== null
        ? pickIndex(indexOfSeq(entries, seq))
        : setCursor({ index: indexAtTime(entries, time), t: time }),
    [entries, pickIndex],
  );

  // ← → step through the moments, one entry at a time.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || !isStepKeyTarget(event.target)) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      setCursor((current) => {
        const index = Math.max(
          -1,
          Math.min(entries.length - 1, current.index + (event.key === 'ArrowRight' ? 1 : -1)),
        );
        return { index, t: index >= 0 ? (entries[index]?.t ?? 0) : 0 };
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [entries]);

  const gauges: VariableGauge[] = scenario.variables.map((v) => ({
    id: v.id,
    label: v.label,
    min: v.min,
    max: v.max,
    value: moment.variables[v.id] ?? v.initial,
  }));
  const current = moment.index >= 0 ? entries[moment.index] : undefined;
  const currentLine = current ? describe(current) : null;

  const markActions: MarkActions = {
    add: async (time, comment) => {
      const result = await api.addAnnotation({ t: time, comment });
      if (!result.ok) return result.code;
      setDebrief((d) => ({ ...d, marks: [...(d.marks ?? []), result.data].sort((a, b) => a.t - b.t) }));
      return null;
    },
    update: async (markId, comment) => {
      const result = await api.updateMark(markId, comment);
      if (!result.ok) return result.code;
      setDebrief((d) => ({ ...d, marks: (d.marks ?? []).map((m) => (m.id === markId ? result.data : m)) }));
      return null;
    },
    remove: async (markId) => {
      const result = await api.deleteMark(markId);
      if (!result.ok) return result.code;
      setDebrief((d) => ({ ...d, marks: (d.marks ?? []).filter((m) => m.id !== markId) }));
      return null;
    },
  };

  async function judge(criterion: string, request: JudgmentRequest): Promise<string | null> {
    const result = await api.judge(criterion, request);
    if (!result.ok) return result.code;
    setDebrief((d) => ({
      ...d,
      judgments: [...(d.judgments ?? []).filter((j) => j.criterion !== criterion), result.data],
    }));
    return null;
  }

  async function selfAssess(request: SelfAssessmentRequest): Promise<string | null> {
    const result = await api.selfAssess(request);
    if (!result.ok) return result.code;
    // Now the trainer's judgments and marks may be read: fetch them.
    const fresh = await api.load();
    setDebrief(fresh.ok ? fresh.data : (d) => ({ ...d, selfAssessment: result.data }));
    return null;
  }

  const trainer = debrief.viewer === 'trainer';
  const session = debrief.session;

  return (
    <div className="debrief">
      <header className="debrief__header">
        <h1>{t('debrief.title', { scenario: scenario.title })}</h1>
        <dl className="debrief__facts">
          <div>
            <dt>{t('debrief.facts.date')}</dt>
            <dd>{new Date(session.createdAt).toLocaleString()}</dd>
          </div>
          <div>
            <dt>{t('role.listener')}</dt>
            <dd>{session.learner ?? t('debrief.facts.unnamed')}</dd>
          </div>
          <div>
            <dt>{t('role.trainer')}</dt>
            <dd>{session.trainer ?? t('debrief.facts.unnamed')}</dd>
          </div>
          <div>
            <dt>{t('debrief.facts.duration')}</dt>
            <dd>{formatDuration(session.durationMs)}</dd>
          </div>
          <div>
            <dt>{t('outcome.label')}</dt>
            <dd>{outcomeText(t, debrief.measures.outcome?.outcome ?? null)}</dd>
          </div>
        </dl>
        {!debrief.callOver ? <p className="notice">{t('debrief.callLive')}</p> : null}
        <ExportButtons sessionId={session.id} api={api} trainer={debrief.viewer === 'trainer'} />
      </header>

      <section className="panel debrief__timeline" aria-labelledby="debrief-timeline-heading">
        <h2 id="debrief-timeline-heading">{t('debrief.timeline.heading')}</h2>
        <div className="playback" role="group" aria-label={t('debrief.playback.label')}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => pickIndex(cursor.index - 1)}
            aria-keyshortcuts="ArrowLeft"
          >
            {t('debrief.playback.back')}
          </button>{' '}
          {playback.playing ? (
            <button type="button" className="button" onClick={playback.pause}>
              {t('debrief.playback.pause')}
            </button>
          ) : (
            <button type="button" className="button" onClick={playback.play} disabled={entries.length === 0}>
              {t('debrief.playback.play')}
            </button>
          )}{' '}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => pickIndex(cursor.index + 1)}
            aria-keyshortcuts="ArrowRight"
          >
            {t('debrief.playback.forward')}
          </button>
          <fieldset className="playback__speed">
            <legend>{t('debrief.playback.speed')}</legend>
            {SPEEDS.map((speed) => (
              <label key={speed}>
                <input
                  type="radio"
                  name="playback-speed"
                  checked={playback.speed === speed}
                  onChange={() => playback.setSpeed(speed)}
                />{' '}
                {t('debrief.playback.times', { speed })}
              </label>
            ))}
          </fieldset>
          <VoiceSwitch checked={voiceOn} onChange={setVoiceOn} available={playback.voiceAvailable} />
          <p className="playback__time" aria-live={playback.playing ? 'off' : 'polite'}>
            {t('debrief.playback.time', { time: formatDuration(cursor.t), total: formatDuration(duration) })}
          </p>
        </div>
        <TimelineLanes
          entries={entries}
          lanes={lanes}
          series={series}
          marks={debrief.marks}
          cursor={cursor}
          duration={duration}
          onPick={setCursor}
          describe={describeText}
        />
      </section>

      <div className="debrief__columns">
        <section className="panel debrief__moment" aria-labelledby={momentHeading}>
          <h2 id={momentHeading}>{t('debrief.moment.heading', { time: formatDuration(cursor.t) })}</h2>
          <p className="muted">
            {t(PHASE_KEYS[moment.phase])}
            {moment.paused ? ` · ${t('debrief.moment.paused')}` : ''}
            {moment.onHold ? ` · ${t('debrief.moment.onHold')}` : ''}
          </p>
          {currentLine ? (
            <p
              className={`debrief__current entry--${currentLine.voice}`}
              aria-live={playback.playing ? 'off' : 'polite'}
            >
              <span className="entry__speaker">{currentLine.speaker}</span>{' '}
              {currentLine.cue ? <span className="entry__cue">{currentLine.cue} </span> : null}
              {currentLine.text}
            </p>
          ) : (
            <p className="muted">{t('debrief.moment.start')}</p>
          )}
          <div className="debrief__moment-grid">
            {gauges.length > 0 ? <VariableGauges variables={gauges} /> : null}
            <ScenarioStates states={activeStates} entries={stateEntries} graph={debrief.graph} />
          </div>
          {debrief.graph && graphShown
            ? renderGraph({
                graph: debrief.graph,
                states: activeStates,
                entries: stateEntries,
                label: t('debrief.graph.label'),
              })
            : null}
          <h3 id={transcriptHeading}>{t('debrief.transcript.heading')}</h3>
          <MomentTranscript
            entries={entries}
            index={cursor.index}
            describe={describe}
            onPick={pickIndex}
            headingId={transcriptHeading}
          />
        </section>

        <div className="debrief__side">
          <MeasuresPanel measures={debrief.measures} onJump={jumpToSeq} />
          {debrief.viewer === 'listener' && debrief.selfAssessment === null && debrief.callOver ? (
            <SelfAssessmentForm rubric={debrief.rubric} onSubmit={selfAssess} />
          ) : null}
          <RubricPanel
            rubric={debrief.rubric}
            judgments={debrief.judgments}
            selfAssessment={debrief.selfAssessment}
            viewer={debrief.viewer}
            onJump={jumpToSeq}
            onJudge={judge}
          />
          {debrief.selfAssessment?.comment ? (
            <section className="panel" aria-labelledby="self-comment-heading">
              <h2 id="self-comment-heading">{t('debrief.self.commentHeading')}</h2>
              <p>{debrief.selfAssessment.comment}</p>
            </section>
          ) : null}
          <MarksPanel
            marks={debrief.marks}
            editable={trainer}
            momentT={cursor.t}
            onJump={jumpToTime}
            actions={markActions}
          />
          <NotesPanel notes={debrief.notes} viewer={debrief.viewer} onJump={jumpToSeq} />
        </div>
      </div>
      <PrintReport debrief={debrief} describe={describe} />
    </div>
  );
}
