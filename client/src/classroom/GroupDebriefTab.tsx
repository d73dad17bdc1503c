// The « Débriefing de groupe » tab of a class: the calls of one scenario compared
// (`GroupDebriefView`), loaded each time the tab is shown (calls end meanwhile). The scenarios
// offered are those the class played (`playedScenarios`): one, named, its comparison at once;
// several, a menu (the last round's first) and « Comparer les appels » for another; none yet,
// a sentence that says when there will be. What is loading is said in a status line.
import { useEffect, useRef, useState } from 'react';
import type { ClassCall, GroupDebrief } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import { useScenarioLang } from '../i18n/useScenarioLang.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import type { ApiResult } from '../ui/requestJson.js';
import { classroomApi } from './classroomApi.js';
import { GroupDebriefView } from './GroupDebriefView.js';
import { playedScenarios } from './playedScenarios.js';

export type LoadGroupDebrief = (classId: string, scenarioId: string) => Promise<ApiResult<GroupDebrief>>;

export function GroupDebriefTab({
  classId,
  calls,
  shown,
  load = classroomApi.debrief,
}: {
  classId: string;
  calls: readonly ClassCall[];
  /** Whether the tab is the one shown: each showing loads the comparison again. */
  shown: boolean;
  load?: LoadGroupDebrief;
}) {
  const { t } = useI18n();
  const scenarioLang = useScenarioLang();
  const [debrief, setDebrief] = useState<GroupDebrief | null>(null);
  const [picked, setPicked] = useState('');
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The last comparison asked: an answer to an earlier one (another scenario) is dropped.
  const asked = useRef(0);
  const played = playedScenarios(calls);
  const choice = played.some((s) => s.id === picked) ? picked : (played[0]?.id ?? '');

  const compare = async (scenarioId: string) => {
    if (!scenarioId) return;
    const mine = ++asked.current;
    setLoading(true);
    const result = await load(classId, scenarioId);
    if (mine !== asked.current) return;
    setLoading(false);
    setError(result.ok ? null : result.code);
    if (result.ok) setDebrief(result.data);
  };
  // Each showing loads the comparison, and a first round launched while the tab is shown; a pick
  // in the menu waits for « Comparer les appels ».
  const latest = useRef({ compare, choice });
  latest.current = { compare, choice };
  const hasChoice = choice !== '';
  useEffect(() => {
    if (shown && hasChoice) void latest.current.compare(latest.current.choice);
  }, [shown, hasChoice]);

  return (
    <>
      <div className="group-debrief__pick">
        {played.length > 1 ? (
          <>
            <label>
              {t('classroom.debrief.scenario')}
              <select value={choice} onChange={(e) => setPicked(e.target.value)}>
                {played.map((s) => (
                  <option key={s.id} value={s.id} lang={scenarioLang}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void compare(choice)}>
              {t('classroom.debrief.load')}
            </button>
          </>
        ) : played.length === 1 ? (
          <p>
            {t('classroom.debrief.scenario')}
            {t('ui.separator.colon')}
            <ScenarioText>{played[0]!.title}</ScenarioText>
          </p>
        ) : null}
        <a href={classroomApi.exportPath(classId, 'json')} download>
          {t('classroom.export.json')}
        </a>
        <a href={classroomApi.exportPath(classId, 'csv')} download>
          {t('classroom.export.csv')}
        </a>
      </div>
      {/* classroom.debrief.noCalls before the first round; classroom.debrief.loading while a comparison is on its way. */}
      <p role="status">
        {played.length === 0 ? t('classroom.debrief.noCalls') : loading ? t('classroom.debrief.loading') : ''}
      </p>
      <ErrorAlert code={error} />
      {debrief && played.length > 0 ? <GroupDebriefView debrief={debrief} /> : null}
    </>
  );
}
