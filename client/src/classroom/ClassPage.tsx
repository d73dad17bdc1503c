// `/classes/:classId`: one group session for its trainer — the code and QR code to join, the
// learners as they join (each one's place can be freed, `RosterList`), the groups and the launch
// of a round (with the session's settings, kept by the server as soon as changed), the floor, the
// group debrief.
import { Suspense, lazy, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useAccount } from '../account/useAccount.js';
import { Link, useParams } from 'react-router';
import type {
  ClassDetail,
  ClassLearner,
  ClassSettings,
  FloorCommand,
  FloorTile,
  ScenarioSummary,
} from '@ecoute/protocol';
import { pluralForm, useI18n } from '../i18n/index.js';
import { connectClassroom, type ClassroomConnection } from '../socket/classroomSocket.js';
import { CopyButton } from '../ui/CopyButton.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { useHeavyViews } from '../ui/HeavyViews.js';
import { requestJson } from '../ui/requestJson.js';
import { Tabs } from '../ui/Tabs.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { classroomApi } from './classroomApi.js';
import { FloorView } from './FloorView.js';
import { GroupBuilder } from './GroupBuilder.js';
import { GroupDebriefTab } from './GroupDebriefTab.js';
import { RosterList } from './RosterList.js';
import { groupsOf, type GroupRow } from './groups.js';
import './classroom.css';

const QrCode = lazy(() => import('../trainer/QrCode.js'));

/** The tiles as the floor holds them: merged by call, most urgent first. */
function mergeTiles(held: Map<string, FloorTile>, incoming: readonly FloorTile[], full: boolean) {
  const next = full ? new Map<string, FloorTile>() : new Map(held);
  for (const tile of incoming) next.set(tile.sessionId, tile);
  return next;
}

export function ClassPage() {
  const { t, lang } = useI18n();
  const heavy = useHeavyViews();
  const { classId = '' } = useParams();
  const [detail, setDetail] = useState<ClassDetail | null>(null);
  const [learners, setLearners] = useState<ClassLearner[]>([]);
  // The settings as the trainer last chose them: read once from the class, then the page's (a
  // reload after a launch must not undo a change whose saving is still on its way).
  const [settings, setSettings] = useState<ClassSettings | null>(null);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const [tiles, setTiles] = useState<Map<string, FloorTile>>(new Map());
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [tab, setTab] = useState('groups');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const connection = useRef<ClassroomConnection | null>(null);
  // Who is signed in: a tile's `classroom.floor.listen` joins the call under the trainer's own name.
  const account = useAccount();
  const joinLinkId = useId();
  useDocumentTitle(detail?.name, t('classroom.title'));

  const reload = useCallback(async () => {
    const result = await classroomApi.detail(classId);
    if (!result.ok) return setError(result.code);
    setDetail(result.data);
    setLearners(result.data.learners);
    setSettings((held) => held ?? result.data.settings);
  }, [classId]);

  useEffect(() => {
    void reload();
    void requestJson<ScenarioSummary[]>('/api/scenarios').then((r) => r.ok && setScenarios(r.data));
    const open = connectClassroom(
      { classId },
      {
        tiles: (message) => setTiles((held) => mergeTiles(held, message.tiles, message.full)),
        roster: setLearners,
        status: (s) => typeof s === 'object' && setError(s.failed),
      },
    );
    connection.current = open;
    return () => open.close();
  }, [classId, reload]);

  const classScenarios = useMemo(
    () => scenarios.filter((s) => detail?.scenarioIds.includes(s.id)),
    [scenarios, detail],
  );
  const sorted = useMemo(
    () => [...tiles.values()].sort((a, b) => b.urgency - a.urgency || a.round - b.round || a.group - b.group),
    [tiles],
  );

  // Saved one after the other, so that the last choice is the one kept.
  const changeSettings = (next: ClassSettings) => {
    setSettings(next);
    saving.current = saving.current.then(async () => {
      const result = await classroomApi.settings(classId, next);
      if (!result.ok) setError(result.code);
    });
  };
  const launch = async (scenarioId: string, rows: GroupRow[]) => {
    const groups = groupsOf(rows);
    if (!groups || !settings) return false;
    // The help mode shown goes with the round (its saving may still be on its way).
    const result = await classroomApi.launch(classId, {
      scenarioId,
      groups,
      hintMode: settings.hintMode,
      ...(settings.hintMode === 'free_speech' && settings.askTrainer ? { askTrainer: true } : {}),
    });
    if (!result.ok) {
      setError(result.code);
      return false;
    }
    setError(null);
    const count = result.data.calls.length;
    setNotice(t(`classroom.launch.done.${pluralForm(lang, count)}`, { round: result.data.round, count }));
    await reload();
    return true;
  };
  const send = async (command: FloorCommand) => {
    const ack = await (connection.current?.command(command) ?? Promise.resolve(null));
    if (!ack) return { ok: false };
    if (!ack.ok) setError(ack.code);
    return ack.ok ? { ok: true, applied: ack.applied } : { ok: false };
  };
  const freePlace = async (learner: ClassLearner) => {
    const result = await classroomApi.freePlace(classId, learner.learnerId);
    if (!result.ok) {
      setError(result.code);
      return false;
    }
    setError(null);
    setNotice(t('classroom.free.done', { name: learner.pseudonym }));
    return true;
  };
  if (!detail) return <div>{error ? <ErrorAlert code={error} /> : null}</div>;
  const joinUrl = `${location.origin}${detail.joinPath}`;
  return (
    <div className="classroom">
      <h1>{detail.name}</h1>
      <p>
        <Link to="/classes">{t('nav.back.classes')}</Link>
      </p>
      {error && <ErrorAlert code={error} />}
      <p role="status">{notice}</p>
      <section className="classroom-code" aria-labelledby="class-code">
        <h2 id="class-code">{t('classroom.code', { code: detail.code })}</h2>
        {/* The link the trainer shares with the learners, and link.copy beside it (as for the role links). */}
        <p className="classroom-join-link">
          {t('classroom.joinLink')}
          {t('ui.separator.colon')}
          <a id={joinLinkId} href={detail.joinPath}>
            {joinUrl}
          </a>{' '}
          <CopyButton text={joinUrl} label={t('classroom.joinLinkCopy')} describedBy={joinLinkId} />
        </p>
        {heavy && (
          <Suspense fallback={null}>
            <QrCode text={joinUrl} label={t('classroom.qrLabel')} />
          </Suspense>
        )}
      </section>
      <Tabs
        label={t('classroom.tabs')}
        selected={tab}
        onSelect={setTab}
        items={[
          {
            id: 'groups',
            label: t('classroom.tab.groups'),
            content: (
              <>
                <h2>{t('classroom.roster', { count: learners.length })}</h2>
                <RosterList learners={learners} calls={detail.calls} onFree={freePlace} />
                {classScenarios.length > 0 && settings && (
                  <GroupBuilder
                    learners={learners}
                    calls={detail.calls}
                    scenarios={classScenarios}
                    settings={settings}
                    onSettings={changeSettings}
                    launch={launch}
                  />
                )}
              </>
            ),
          },
          {
            id: 'floor',
            label: t('classroom.tab.floor'),
            content: (
              <FloorView
                tiles={sorted}
                calls={detail.calls}
                listenAs={account.status === 'signed-in' ? account.me.name : null}
                send={send}
              />
            ),
          },
          {
            id: 'debrief',
            label: t('classroom.tab.debrief'),
            content: <GroupDebriefTab classId={classId} calls={detail.calls} shown={tab === 'debrief'} />,
          },
        ]}
      />
    </div>
  );
}
