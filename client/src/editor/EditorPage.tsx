// `/bibliotheque/:callId`: the studio's editor, a lazy chunk (the listener's console loads none of
// it). The forms first, beside the live state graph; the call's text (YAML) folded under the forms
// (`TextFold`: unfolded, the choice is kept in this browser). A click on a state (in the drawing or
// in its list, the keyboard path) marks it and chooses it in « Modifier un état » — and selects
// its YAML when the text is unfolded; the cursor in a state highlights its node. Drafts are saved whatever lint
// says; publishing is the server's call and shows its refusals.
import {
  lazy,
  memo,
  startTransition,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate, useParams } from 'react-router';
import type { SessionShareState } from '../account/SessionSharePage.js';
import { useAccount } from '../account/useAccount.js';
import { httpHomeApi } from '../home/homeApi.js';
import { sessionRequest, type SessionChoices } from '../home/SessionOptions.js';
import type { EditorView } from '@codemirror/view';
import type { LintIssue, ScenarioGraph } from '@ecoute/engine';
import type { LibraryCallDetail, LibraryChangeKind, LibraryIssue, ScenarioSummary } from '@ecoute/protocol';
import { LazyStateGraph } from '../charts/lazy.js';
import { engineWords, useI18n, type MessageKey } from '../i18n/index.js';
import { formatDateTime } from '../i18n/formatDate.js';
import { libraryApi } from '../library/libraryApi.js';
import { ChunkBoundary } from '../ui/ChunkBoundary.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import type { LintAnswer } from './lintProtocol.js';
import { ScenarioEditor } from './ScenarioEditor.js';
import { TextFold, useTextFold } from './TextFold.js';
import { StudioPanes } from './StudioPanes.js';
import { IssueList, issueOffset } from './issues/IssueList.js';
import { issuePlace, type FormTab, type IssuePlace } from './issues/issuePlace.js';
import { PublishControl, templateParts } from './PublishControl.js';
import { LaunchSessionForm } from './LaunchSessionForm.js';
import { useLintWorker } from './useLintWorker.js';
import { useDraftAutosave } from './useDraftAutosave.js';
import type { TestPlayProgress } from './testPlay/TestPlayPanel.js';
import { CoveragePanel, type Reached } from './pathCoverage/CoveragePanel.js';
import { VersionDiff } from './diff/VersionDiff.js';
import { FormsPanel } from './forms/FormsPanel.js';
import type { YamlEdit } from './forms/formTypes.js';
import { GraphEditPanel } from './graphEdit/GraphEditPanel.js';
import type { TransitionDraft } from './graphEdit/AddTransitionForm.js';
import { changeBetween, editYaml, plainOf } from './yamlEdit/document.js';
import './editor.css';
import './forms/forms.css';
import './forms/removeButtons.css';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';

// The test-play is a lazy part of the editor's chunk: loaded on `studio.play.open` only.
const LazyTestPlay = lazy(() => import('./testPlay/TestPlayPanel.js'));

// The page re-renders when the lint's counts, the graph or the cursor's state change: the heavy
// parts below are kept as they are unless their own inputs changed (the text once typing pauses).
const MemoStateGraph = memo(LazyStateGraph);
const MemoGraphEditPanel = memo(GraphEditPanel);
const MemoCoveragePanel = memo(CoveragePanel);
const MemoFormsPanel = memo(FormsPanel);

const NO_ENTRIES: TestPlayProgress['entries'] = [];

const CHANGE_KEYS: Record<LibraryChangeKind, MessageKey> = {
  create: 'editor.change.create',
  import: 'editor.change.import',
  duplicate: 'editor.change.duplicate',
  edit: 'editor.change.edit',
  publish: 'editor.change.publish',
  retire: 'editor.change.retire',
};

export function EditorPage() {
  const { callId = '' } = useParams();
  // One editor per call: a duplicate opened from a built-in's page starts afresh (its text, its
  // autosave), as when it is opened from the library.
  return <CallEditor key={callId} callId={callId} />;
}

function CallEditor({ callId }: { callId: string }) {
  const { t, lang } = useI18n();
  const lint = useLintWorker();
  const account = useAccount();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<LibraryCallDetail | null>(null);
  const [loaded, setLoaded] = useState<{ version: number; yaml: string } | null>(null);
  const [text, setText] = useState('');
  // Of the lint's answer the page keeps the issues (a keystroke that changes none renders
  // nothing) and the state ranges, read on a click.
  const [issues, setIssues] = useState<readonly LintIssue[] | null>(null);
  const ranges = useRef<LintAnswer['ranges']>([]);
  const [graph, setGraph] = useState<ScenarioGraph | null>(null);
  const [cursorState, setCursorState] = useState<string | undefined>(undefined);
  const [view, setView] = useState<EditorView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [refusal, setRefusal] = useState<LibraryIssue[]>([]);
  const [playing, setPlaying] = useState(false);
  /** `studio.play.open`: where the focus goes back when the test-play closes. */
  const playButton = useRef<HTMLButtonElement>(null);
  const [play, setPlay] = useState<TestPlayProgress | null>(null);
  const [reached, setReached] = useState<Reached | null>(null);
  const [selectedState, setSelectedState] = useState('');
  const [drawn, setDrawn] = useState<TransitionDraft | null>(null);
  const [formError, setFormError] = useState('');
  const statesId = useId();
  // studio.noYaml.graph, under the forms' intro: the way to the graph's edits, under the drawing.
  const graphEditHeading = useRef<HTMLHeadingElement>(null);
  const goTo = (heading: HTMLHeadingElement | null) => {
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };
  // Made once per language: the forms, kept as they are between renders, take it.
  const toGraph = useMemo(
    () => (
      <button type="button" className="button--link" onClick={() => goTo(graphEditHeading.current)}>
        {t('studio.noYaml.graph')}
      </button>
    ),
    [t],
  );
  // editor.issues.goForm: an issue mended in the forms — the state chosen in « Modifier un état »,
  // or the forms' tab shown and its entry's first field focused, once drawn.
  const [formsTab, setFormsTab] = useState<FormTab>('persona');
  const stateSelect = useRef<HTMLSelectElement>(null);
  const formsSection = useRef<HTMLDivElement>(null);
  const [goneTo, setGoneTo] = useState<{ place: IssuePlace; n: number } | null>(null);
  useEffect(() => {
    if (!goneTo) return;
    const { place } = goneTo;
    const target =
      place.kind === 'state'
        ? stateSelect.current
        : ((place.entry
            ? formsSection.current?.querySelector<HTMLElement>(
                `[data-entry="${CSS.escape(`${place.table}:${place.entry}`)}"] :is(input, textarea, select)`,
              )
            : null) ??
          formsSection.current?.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])') ??
          null);
    target?.scrollIntoView({ block: 'center' });
    target?.focus();
  }, [goneTo]);
  const goToForm = useCallback((place: IssuePlace) => {
    if (place.kind === 'state') setSelectedState(place.state);
    else setFormsTab(place.tab);
    setGoneTo((last) => ({ place, n: (last?.n ?? 0) + 1 }));
  }, []);
  const textId = useId();
  // Authors and administrators write the organisation's calls; trainers read them (the server
  // refuses their saves): for them every call is read-only, as the built-ins are for everyone.
  const writer = account.status === 'signed-in' && account.me.role !== 'trainer';
  const readOnly = (detail?.builtIn ?? false) || !writer;
  // The text folded under the forms; a read-only call has no forms, its text stays open.
  const fold = useTextFold();
  const textOpen = readOnly || fold.open;
  const autosave = useDraftAutosave({
    enabled: !readOnly,
    text,
    currentText: () => view?.state.doc.toString() ?? text,
    save: (yaml) => saveDraft(yaml, 'editor.autosaved'),
  });

  // A trainer reads what sessions play — the newest published version, the one editor.startSession
  // starts and studio.play.open's test should match —, not an author's draft in progress; a
  // writer reads the draft they go on with.
  const readsPublished = account.status === 'signed-in' && account.me.role === 'trainer';
  const reload = useCallback(async () => {
    const found = await libraryApi.detail(callId);
    if (!found.ok) return setError(found.code);
    setDetail(found.data);
    const { draft, published, versions } = found.data;
    const version =
      (readsPublished ? (published ?? draft) : (draft ?? published)) ?? versions[0]?.version ?? 1;
    const read = await libraryApi.text(callId, version);
    if (!read.ok) return setError(read.code);
    setLoaded({ version, yaml: read.data.yaml });
    setText(read.data.yaml);
    autosave.markSaved(read.data.yaml);
  }, [callId, readsPublished]);
  // Once the account is known: which version to read depends on it.
  const accountKnown = account.status !== 'loading';
  useEffect(() => {
    if (accountKnown) void reload();
  }, [reload, accountKnown]);

  const onLint = useCallback((next: LintAnswer) => {
    ranges.current = next.ranges;
    // Kept whole (the header's list), but the same issues as before render nothing.
    setIssues((last) => (last && sameIssues(last, next.issues) ? last : next.issues));
    if (next.graph) setGraph(next.graph);
  }, []);

  // The forms' and the graph's edits: the Document API on the editor's text, written back as one
  // change (one undoable step); the text stays the source of truth.
  const edit = useCallback<YamlEdit>(
    (change) => {
      if (!view) return;
      const started = performance.now();
      const before = view.state.doc.toString();
      let after: string;
      try {
        after = editYaml(before, change);
      } catch {
        setFormError(t('studio.forms.unreadable'));
        return;
      }
      setFormError('');
      if (after === before) return;
      view.dispatch({ changes: changeBetween(before, after), userEvent: 'input.studio' });
      // The forms read the edited text at once (their fields show what they wrote); the document
      // the edit made is the one `plainOf` reads, no new parse.
      setText(after);
      // For the studio benchmark: the edit until the next frame (the forms rendered again).
      const timings = (window.__ecouteEditTimings ??= { samples: [] });
      requestAnimationFrame(() => timings.samples.push(performance.now() - started));
    },
    [view, t],
  );
  const data = useMemo(() => plainOf(text), [text]);
  // The text typed in the editor, once typing paused: its rendering (the forms, the graph's edits)
  // is a transition, which a keystroke interrupts; a form's own edit renders at once (above).
  const onTypedText = useCallback((next: string) => startTransition(() => setText(next)), []);
  const onConnect = useCallback(
    (source: string, target: string) => setDrawn((last) => ({ source, target, n: (last?.n ?? 0) + 1 })),
    [],
  );

  const show = useCallback(
    (state: string) => {
      setSelectedState(state);
      // The text folded: the state marked in the graph (its ways out worded) and chosen in
      // « Modifier un état », where the forms change it; the focus stays where it was.
      if (!textOpen) return setCursorState(state);
      const range = ranges.current.find((r) => r.id === state);
      if (!view || !range) return;
      view.dispatch({ selection: { anchor: range.from, head: range.to }, scrollIntoView: true });
      view.focus();
    },
    [view, textOpen],
  );
  /** A problem's « Aller à la ligne »: the text unfolded (for this visit), the caret at its place. */
  const goToLine = useCallback(
    (issue: LintIssue) => {
      if (!view) return;
      // Open before the caret moves: CodeMirror measures, scrolls and takes the focus once shown.
      if (!textOpen) flushSync(() => fold.reveal());
      const at = issueOffset(issue, view.state.doc.toString(), ranges.current);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
    [view, textOpen, fold],
  );
  /** Where the forms mend an issue, read in the text as it is now. */
  const placeOf = useCallback(
    (issue: LintIssue) => {
      const now = view?.state.doc.toString() ?? '';
      return now ? issuePlace(now, issueOffset(issue, now, ranges.current)) : null;
    },
    [view],
  );
  /** The text as it is in the editor now (the page's `text` follows it once typing pauses). */
  const currentText = () => view?.state.doc.toString() ?? text;

  /** Saves `yaml` as the draft; says so with `said` (by hand, or by itself). */
  const saveDraft = async (yaml: string, said: 'editor.saved' | 'editor.autosaved'): Promise<boolean> => {
    const saved = await libraryApi.saveDraft(callId, yaml);
    if (!saved.ok) {
      setError(saved.code);
      return false;
    }
    autosave.markSaved(yaml);
    setError(null);
    setStatus(t(said, { version: saved.data.version }));
    const found = await libraryApi.detail(callId);
    if (found.ok) setDetail(found.data);
    return true;
  };
  const save = async () => {
    setRefusal([]);
    await saveDraft(currentText(), 'editor.saved');
  };
  /** Nothing to publish: the published text, unchanged and no draft (said, not asked about). */
  const nothingToPublish = (): boolean => {
    if (detail?.draft !== undefined || loaded === null || currentText() !== loaded.yaml) return false;
    setRefusal([]);
    setError('library/no_change');
    return true;
  };
  const publish = async () => {
    const yaml = currentText();
    // Saving the published text unchanged would make a draft only to be refused.
    if (nothingToPublish()) return;
    const saved = await libraryApi.saveDraft(callId, yaml);
    if (!saved.ok) return setError(saved.code);
    autosave.markSaved(yaml);
    const published = await libraryApi.publish(callId);
    if (!published.ok) {
      setError(published.code);
      setRefusal('issues' in published ? published.issues : []);
      return;
    }
    setError(null);
    setRefusal([]);
    setStatus(t('editor.published', { version: published.data.version }));
    await reload();
  };

  // Trainers and administrators start a session of the newest published version from here, with
  // the home page's choices (LaunchSessionForm). The sessions' catalogue gives that version's
  // summary: the form's notice on free speech, and the links' page's title and number (a draft
  // may have changed the title).
  const [launching, setLaunching] = useState<{ played: ScenarioSummary | undefined } | null>(null);
  const launchButton = useRef<HTMLButtonElement>(null);
  const openLaunch = async () => {
    if (launching) return;
    // The form opens at once; the summary joins it when it comes (unless closed meanwhile).
    setLaunching({ played: undefined });
    const playable = await httpHomeApi.listScenarios();
    const played = playable.ok ? playable.data.find((s) => s.id === callId) : undefined;
    setLaunching((held) => (held ? { played } : held));
  };
  const closeLaunch = () => {
    setLaunching(null);
    launchButton.current?.focus();
  };
  const startSession = async (choices: SessionChoices) => {
    const created = await httpHomeApi.createSession(sessionRequest(callId, choices));
    if (!created.ok) return created.code;
    const played = launching?.played;
    const about: SessionShareState | null = played ? { title: played.title, version: played.version } : null;
    void navigate(`/sessions/${encodeURIComponent(created.data.sessionId)}/liens`, { state: about });
    return null;
  };
  // A built-in's editor.readOnly asks for a copy: the copy is made here (the server names it), and opens.
  const duplicate = async () => {
    const copy = await libraryApi.create({ duplicate: callId });
    if (!copy.ok) return setError(copy.code);
    void navigate(`/bibliotheque/${encodeURIComponent(copy.data.id)}`);
  };
  const mayStart =
    account.status === 'signed-in' && account.me.role !== 'author' && detail?.published !== undefined;

  // What publishing would leave as the blank template wrote it: the question names it.
  const leftFromTemplate = useMemo(() => templateParts(issues), [issues]);
  const stateNodes = useMemo(() => graph?.nodes ?? [], [graph]);
  const stateChoices = useMemo(() => stateNodes.map((n) => ({ id: n.id, label: n.label })), [stateNodes]);
  const cursorStates = useMemo(() => (cursorState ? [cursorState] : []), [cursorState]);

  if (error && !detail) return <ErrorAlert code={error} />;
  // The account decides what the page offers (read-only or not): nothing shows before it is known.
  if (!detail || !loaded || account.status === 'loading') return <p role="status">{t('editor.loading')}</p>;
  // The call's title as the text read says it: a trainer reads the published version, whose title
  // a draft in progress may have changed (the library's title is the newest).
  const shownTitle =
    readsPublished && typeof data?.['title'] === 'string' && data['title'] !== ''
      ? data['title']
      : detail.title;
  // The lint's counts (a list of the problems once opened), above the forms and the text.
  const lintSummary = (
    <div className="muted studio__lint" aria-live="polite">
      <IssueList issues={issues} {...(readOnly ? {} : { placeOf, onForm: goToForm })} onGo={goToLine} />
    </div>
  );
  const textPane = (
    <TextFold
      fold={readOnly ? null : fold}
      headingId={textId}
      heading={t('editor.text')}
      intro={t('studio.forms.intro')}
    >
      <ScenarioEditor
        initialText={loaded.yaml}
        lint={lint}
        label={t('editor.textLabel')}
        onText={onTypedText}
        onLint={onLint}
        onCursorState={setCursorState}
        onView={setView}
        readOnly={readOnly}
      />
    </TextFold>
  );
  const graphPane = (
    <section className="studio__graph" aria-labelledby={statesId}>
      <h2 id={statesId}>{t('editor.states')}</h2>
      {graph ? (
        <ChunkBoundary
          loading={<p className="muted">{t('graph.loading')}</p>}
          failed={<p className="muted">{t('graph.failed')}</p>}
        >
          <Suspense fallback={<p className="muted">{t('graph.loading')}</p>}>
            <MemoStateGraph
              graph={graph}
              states={play ? play.states : cursorStates}
              entries={play?.entries ?? NO_ENTRIES}
              reached={play ? null : reached}
              label={t('graph.label')}
              onStateClick={show}
              {...(readOnly ? {} : { onConnect })}
            />
          </Suspense>
        </ChunkBoundary>
      ) : (
        <p className="muted">{t('graph.none')}</p>
      )}
      <ul className="studio__states">
        {stateNodes.map((node) => (
          <li key={node.id}>
            <button
              type="button"
              className="button--link"
              aria-current={
                (play ? play.states.includes(node.id) : node.id === cursorState) ? 'true' : undefined
              }
              onClick={() => show(node.id)}
            >
              {node.label}
            </button>
          </li>
        ))}
      </ul>
      {readOnly || !data ? null : (
        <MemoGraphEditPanel
          data={data}
          text={text}
          edit={edit}
          graph={graph}
          drawn={drawn}
          selected={selectedState}
          onSelect={setSelectedState}
          headingRef={graphEditHeading}
          stateSelectRef={stateSelect}
        />
      )}
      <MemoCoveragePanel text={text} graph={graph} onReached={setReached} />
    </section>
  );
  return (
    <div className="studio">
      <p>
        <Link to="/bibliotheque">{t('library.back')}</Link>
      </p>
      <h1>
        <MessageWithScenario k="editor.heading" scenario={{ title: shownTitle }} />
      </h1>
      <p className="muted">
        {!writer
          ? t('editor.readOnlyReader')
          : readOnly
            ? t('editor.readOnly')
            : detail.draft === undefined && detail.published === loaded.version
              ? t('editor.publishedNext', {
                  version: loaded.version,
                  next: Math.max(0, ...detail.versions.map((v) => v.version)) + 1,
                })
              : t('editor.editing', { version: loaded.version })}
      </p>
      <ErrorAlert code={error} />
      <p role="status" className="studio__status">
        {status}
      </p>
      <div className="studio__actions">
        {detail.builtIn && writer ? (
          <button type="button" onClick={() => void duplicate()}>
            {t('library.duplicate')}
          </button>
        ) : null}
        {readOnly ? null : (
          <>
            <button type="button" onClick={() => void save()}>
              {t('editor.save')}
            </button>
            <PublishControl
              version={detail.draft ?? Math.max(0, ...detail.versions.map((v) => v.version)) + 1}
              onAsk={() => !nothingToPublish()}
              onPublish={publish}
              leftFromTemplate={leftFromTemplate}
            />
          </>
        )}
        {mayStart ? (
          <button
            ref={launchButton}
            type="button"
            aria-expanded={launching !== null}
            onClick={() => void openLaunch()}
          >
            {t('editor.startSession', { version: detail.published ?? 1 })}
          </button>
        ) : null}
        <button
          ref={playButton}
          type="button"
          aria-expanded={playing}
          onClick={() => {
            // The test-play starts from the text as typed, even before typing paused.
            setText(currentText());
            setPlaying(true);
          }}
        >
          {t('studio.play.open')}
        </button>
        <a href={libraryApi.exportUrl(callId, loaded.version)} download>
          {t('editor.export')}
        </a>
      </div>
      {mayStart && launching ? (
        <LaunchSessionForm
          version={detail.published ?? 1}
          speechExamples={launching.played?.speechExamples}
          onLaunch={startSession}
          onClose={closeLaunch}
        />
      ) : null}
      {refusal.length > 0 ? (
        <ul className="studio__refusal" aria-label={t('editor.refusal')}>
          {refusal.map((issue, i) => (
            <li key={i}>
              {t('editor.issueAt', {
                line: issue.line ?? 1,
                column: issue.column ?? 1,
                message: engineWords(lang, issue.text, issue.message),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {lintSummary}
      {playing ? (
        <Suspense fallback={<p className="muted">{t('editor.loading')}</p>}>
          <LazyTestPlay
            text={text}
            onProgress={setPlay}
            onClose={() => {
              // Back to the button that opened it (the closing one goes with the panel: the
              // focus fell to the page's top).
              playButton.current?.focus();
              setPlaying(false);
            }}
          />
        </Suspense>
      ) : null}
      <StudioPanes
        playing={playing}
        forms={
          readOnly ? null : (
            <>
              {formError ? <p role="alert">{formError}</p> : null}
              <div ref={formsSection}>
                <MemoFormsPanel
                  data={data}
                  edit={edit}
                  states={stateChoices}
                  tab={formsTab}
                  onTab={setFormsTab}
                  toGraph={toGraph}
                />
              </div>
            </>
          )
        }
        text={textPane}
        graph={graphPane}
      />
      {detail.builtIn ? null : (
        <VersionDiff
          versions={detail.versions}
          loadText={async (version) => {
            const read = await libraryApi.text(callId, version);
            return read.ok ? read.data.yaml : null;
          }}
        />
      )}
      {detail.builtIn ? null : (
        <section aria-label={t('editor.history')}>
          <h2>{t('editor.history')}</h2>
          <ul>
            {detail.history.map((h, i) => (
              <li key={i}>
                {t('editor.change', {
                  change: t(CHANGE_KEYS[h.change]),
                  version: h.version,
                  by: h.by,
                  at: formatDateTime(t, h.at),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function sameIssues(a: readonly LintIssue[], b: readonly LintIssue[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (x, i) =>
        x.message === b[i]?.message &&
        x.line === b[i]?.line &&
        x.column === b[i]?.column &&
        x.severity === b[i]?.severity,
    )
  );
}
