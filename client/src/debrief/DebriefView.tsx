// The debrief of one session, loaded: the lanes and curves on one time axis, the moment picked
// (state graph, variables, transcript as they were then), playback, and the panels (measures,
// rubric, self-assessment, marks, notes). Pure of any network: the API comes in as a prop.
// Its state lives in hooks: the records (`useDebriefRecords`), the cursor (`useMomentCursor`),
// what the moment shows (`useMomentState`) and the playback (`usePlayback`).
// The lanes come first: the first paint holds the header, the playback controls, the lanes and
// the moment's heading; the rest (the header's facts, gauges, states, graph, transcript, side
// panels) is rendered after that paint, in a transition (`useAfterFirstPaint`), so a long call
// shows its lanes without waiting for panels that are below them or beside them. That first
// render reads the timeline's columns only (`timeline.ts`): no object per entry is built before
// the lanes paint; the entries (the transcript, the moment's line, the graph) come after.
import {
  Suspense,
  lazy,
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { GraphProgress, type GraphHighlight } from '../charts/graphPath.js';
import type { CallPhase, ScenarioGraph, TimelineEntry, VariableGauge } from '@ecoute/engine';
import type { Debrief } from '@ecoute/protocol';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ScenarioStates } from '../trainer/ScenarioStates.js';
import { VariableGauges } from '../trainer/VariableGauges.js';
import { describeEntry, returningJoins, type EntryLine } from '../ui/describeEntry.js';
import type { KnownLabels } from '../ui/useKnownLabels.js';
import { VoiceSwitch } from '../ui/VoiceSwitch.js';
import { CallClockContext, callClock, openingIndex } from './callClock.js';
import type { DebriefApi } from './debriefApi.js';
import { DebriefHeader } from './DebriefHeader.js';
import { MarksPanel } from './MarksPanel.js';
import { MeasuresPanel, NotesPanel } from './MeasuresPanel.js';
import { MomentTranscript } from './MomentTranscript.js';
import { PrintReport } from './PrintReport.js';
import { RubricPanel } from './RubricPanel.js';
import { SelfAssessmentForm } from './SelfAssessmentForm.js';
import { LanesCursorContext, TimelineLanes, type LanesCanvas } from './TimelineLanes.js';
import { useDebriefRecords } from './useDebriefRecords.js';
import { useMomentCursor } from './useMomentCursor.js';
import { useMomentState } from './useMomentState.js';
import { useAfterFirstPaint } from './useAfterFirstPaint.js';
import { timelineOf } from './timeline.js';
import { focusQuietly } from '../ui/useFocusRescue.js';
import { STORED_SWITCHES, useStoredSwitch } from '../ui/useStoredSwitch.js';
import { SPEEDS, usePlayback } from './usePlayback.js';
import { joinParts } from '../i18n/joinParts.js';

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
  /** What the graph highlights at the moment (visited states, transitions taken), prepared. */
  highlight: GraphHighlight;
  label: string;
}

function defaultGraph(props: GraphProps): ReactNode {
  return (
    <Suspense fallback={null}>
      <StateGraph {...props} />
    </Suspense>
  );
}

// Memoised: a step or a playback tick re-renders only what shows the moment.
const MemoMeasuresPanel = memo(MeasuresPanel);
const MemoRubricPanel = memo(RubricPanel);
const MemoNotesPanel = memo(NotesPanel);
const MemoPrintReport = memo(PrintReport);
const MemoScenarioStates = memo(ScenarioStates);
const MemoDebriefHeader = memo(DebriefHeader);

export function DebriefView({
  initial,
  api,
  synth,
  renderGraph = defaultGraph,
  canvas2d,
  initialSeq,
}: {
  initial: Debrief;
  /** Opens at this entry (the group debrief's cells: `?seq=`) instead of the end. */
  initialSeq?: number | undefined;
  api: DebriefApi;
  synth?: SpeechSynthesis | undefined;
  renderGraph?: (props: GraphProps) => ReactNode;
  /** The lanes' canvas context (tests pass a recording one). */
  canvas2d?: LanesCanvas | undefined;
}) {
  const { t } = useI18n();
  const { debrief, markActions, judge, selfAssess } = useDebriefRecords(initial, api);
  const { scenario } = debrief;
  // The first render reads the timeline's columns only; the entries themselves (one object per
  // entry, the payloads parsed) are built after the lanes' first paint, for the panels.
  const timeline = useMemo(() => timelineOf(debrief), [debrief]);
  const clock = useMemo(() => callClock(timeline), [timeline]);
  const { cursor, setCursor, pickIndex, jumpToSeq, jumpToTime } = useMomentCursor(timeline, openingIndex);
  // `debrief.seeMoment` (rubric, measures, notes, marks): the moment is scrolled to and focused.
  const momentTitle = useRef<HTMLHeadingElement>(null);
  const [revealed, setRevealed] = useState(0);
  useEffect(() => {
    const heading = momentTitle.current;
    if (revealed === 0 || !heading) return;
    heading.scrollIntoView?.({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [revealed]);
  const showSeq = useCallback(
    (seq: number) => {
      jumpToSeq(seq);
      setRevealed((n) => n + 1);
    },
    [jumpToSeq],
  );
  const showTime = useCallback(
    (time: number, seq: number | null) => {
      jumpToTime(time, seq);
      setRevealed((n) => n + 1);
    },
    [jumpToTime],
  );
  const opened = useRef(false);
  useEffect(() => {
    if (initialSeq === undefined || opened.current) return;
    opened.current = true;
    jumpToSeq(initialSeq);
  }, [initialSeq, jumpToSeq]);
  // The learner's self-assessment sent, its form goes with the focused `debrief.self.confirmYes`: the focus
  // goes to the rubric, which now shows the results (in the commit that removes the form).
  const rubricHeading = useRef<HTMLHeadingElement>(null);
  const selfAssessed = debrief.selfAssessment !== null;
  const wasSelfAssessed = useRef(selfAssessed);
  useLayoutEffect(() => {
    if (selfAssessed && !wasSelfAssessed.current && rubricHeading.current)
      focusQuietly(rubricHeading.current);
    wasSelfAssessed.current = selfAssessed;
  }, [selfAssessed]);
  // The listener's choice of the caller's voice, kept in this browser.
  const [voiceOn, setVoiceOn] = useStoredSwitch(STORED_SWITCHES.callerVoice, true);
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
  // Each entry described once (the transcript's rows, the moment, the tooltips, the printed report).
  const described = useMemo(() => new WeakMap<TimelineEntry, EntryLine>(), [labels, t]);
  // Read with the first description (after the first paint), not before: see `timeline`.
  const returning = useMemo(() => {
    let seqs: ReadonlySet<number> | undefined;
    return () => (seqs ??= returningJoins(timeline.entries()));
  }, [timeline]);
  const describe = useCallback(
    (entry: TimelineEntry) => {
      let line = described.get(entry);
      if (!line) described.set(entry, (line = describeEntry(entry, labels, t, returning())));
      return line;
    },
    [described, labels, t, returning],
  );
  const describeText = useCallback(
    (entry: TimelineEntry) => {
      const line = describe(entry);
      return `${line.speaker} : ${[line.cue, line.text].filter(Boolean).join(' ')}`;
    },
    [describe],
  );
  // Everything but the lanes and the moment's heading (the graph too: a heavy chunk and a layout).
  const detailsShown = useAfterFirstPaint();
  const entries = useMemo(() => (detailsShown ? timeline.entries() : null), [detailsShown, timeline]);
  const { lanes, series, moment, statesCrossed, activeStates, pathShown } = useMomentState(
    timeline,
    scenario.variables,
    cursor.index,
    detailsShown,
  );
  const duration = timeline.t[timeline.count - 1] ?? 0;
  // Prepared once the graph is shown: each step then reads its highlight in the graph's size.
  const graph = debrief.graph;
  const progress = useMemo(
    () => (graph && entries ? new GraphProgress(graph, entries) : null),
    [graph, entries],
  );
  const highlight = useMemo(
    () => progress?.at(statesCrossed, activeStates) ?? null,
    [progress, statesCrossed, activeStates],
  );

  const playback = usePlayback({
    timeline,
    cursor,
    onCursor: setCursor,
    voice: scenario.voice,
    voiceOn,
    synth,
  });

  const gauges: VariableGauge[] = scenario.variables.map((v) => ({
    id: v.id,
    label: v.label,
    min: v.min,
    max: v.max,
    value: moment.variables[v.id] ?? v.initial,
    ...(v.thresholds ? { thresholds: v.thresholds } : {}),
  }));
  // The moment's line, once the entries are read (after the first paint).
  const current = entries && moment.index >= 0 ? entries[moment.index] : undefined;
  const currentLine = current ? describe(current) : null;

  const trainer = debrief.viewer === 'trainer';
  // What a screen reader hears of a step: the moment and its line, once (`debrief.moment.said`).
  const said = !entries
    ? null
    : currentLine
      ? t('debrief.moment.said', {
          time: clock.format(cursor.t),
          speaker: currentLine.speaker,
          line: [currentLine.cue, currentLine.text, currentLine.interpretation].filter(Boolean).join(' '),
        })
      : t('debrief.moment.saidStart', { time: clock.format(cursor.t) });

  return (
    <CallClockContext.Provider value={clock}>
      <div className="debrief">
        <MemoDebriefHeader debrief={debrief} api={api} facts={detailsShown} />

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
              <button
                type="button"
                className="button"
                onClick={playback.play}
                disabled={timeline.count === 0}
              >
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
            <p className="playback__time">
              {t('debrief.playback.time', {
                time: clock.format(cursor.t),
                total: clock.format(debrief.session.durationMs),
              })}
            </p>
          </div>
          {/* The one live region of a step (the moment's time and line shown above and below are
              not): it comes with the entries, after the first paint, so that opening the page says
              nothing; silent while playing, as the voice speaks the lines. */}
          {said !== null ? (
            <p className="visually-hidden" aria-live={playback.playing ? 'off' : 'polite'} aria-atomic="true">
              {said}
            </p>
          ) : null}
          <LanesCursorContext.Provider value={cursor}>
            <TimelineLanes
              timeline={timeline}
              lanes={lanes}
              series={series}
              marks={debrief.marks}
              duration={duration}
              onPick={setCursor}
              describe={describeText}
              canvas2d={canvas2d}
            />
          </LanesCursorContext.Provider>
        </section>

        <div className="debrief__columns">
          <section className="panel debrief__moment" aria-labelledby={momentHeading}>
            <h2 id={momentHeading} ref={momentTitle} tabIndex={-1}>
              {t('debrief.moment.heading', { time: clock.format(cursor.t) })}
            </h2>
            <p className="muted">
              {joinParts(
                t,
                [
                  t(PHASE_KEYS[moment.phase]),
                  moment.paused && t('debrief.moment.paused'),
                  moment.onHold && t('debrief.moment.onHold'),
                ],
                'dot',
              )}
            </p>
            {!entries ? null : currentLine ? (
              <p className={`debrief__current entry--${currentLine.voice}`}>
                <span className="entry__speaker">{currentLine.speaker}</span>{' '}
                {currentLine.cue ? <span className="entry__cue">{currentLine.cue} </span> : null}
                {currentLine.text}
                {currentLine.interpretation ? ` ${currentLine.interpretation}` : null}
              </p>
            ) : (
              <p className="muted">{t('debrief.moment.start')}</p>
            )}
            {detailsShown ? (
              <>
                <div className="debrief__moment-grid">
                  {gauges.length > 0 ? (
                    <VariableGauges variables={gauges} heading="debrief.variables.heading" />
                  ) : null}
                  <MemoScenarioStates
                    states={activeStates}
                    path={pathShown}
                    graph={debrief.graph}
                    formatTime={clock.format}
                  />
                </div>
                {graph && highlight
                  ? renderGraph({
                      graph,
                      states: activeStates,
                      highlight,
                      label: t('debrief.graph.label'),
                    })
                  : null}
                <h3 id={transcriptHeading}>{t('debrief.transcript.heading')}</h3>
                <MomentTranscript
                  entries={entries ?? []}
                  index={cursor.index}
                  describe={describe}
                  onPick={pickIndex}
                  headingId={transcriptHeading}
                />
              </>
            ) : null}
          </section>

          {detailsShown ? (
            <div className="debrief__side">
              {/* The learner sees the measures with the rubric's results: after their own
                  self-assessment (the rubric says so), not before it, beside its form. */}
              {debrief.viewer !== 'listener' || debrief.selfAssessment !== null ? (
                <MemoMeasuresPanel measures={debrief.measures} onJump={showSeq} />
              ) : null}
              {debrief.viewer === 'listener' && debrief.selfAssessment === null && debrief.callOver ? (
                <SelfAssessmentForm rubric={debrief.rubric} onSubmit={selfAssess} />
              ) : null}
              <MemoRubricPanel
                rubric={debrief.rubric}
                judgments={debrief.judgments}
                selfAssessment={debrief.selfAssessment}
                viewer={debrief.viewer}
                onJump={showSeq}
                onJudge={judge}
                headingRef={rubricHeading}
              />
              {debrief.selfAssessment?.comment ? (
                <section className="panel" aria-labelledby="self-comment-heading">
                  <h2 id="self-comment-heading">
                    {/* The learner reads their own words under `debrief.self.comment`, the form's own label. */}
                    {t(
                      debrief.viewer === 'listener' ? 'debrief.self.comment' : 'debrief.self.commentHeading',
                    )}
                  </h2>
                  <p>{debrief.selfAssessment.comment}</p>
                </section>
              ) : null}
              <MarksPanel
                marks={debrief.marks}
                editable={trainer}
                momentT={cursor.t}
                onJump={showTime}
                actions={markActions}
              />
              <MemoNotesPanel notes={debrief.notes} viewer={debrief.viewer} onJump={showSeq} />
            </div>
          ) : null}
        </div>
        <MemoPrintReport debrief={debrief} describe={describe} />
      </div>
    </CallClockContext.Provider>
  );
}
