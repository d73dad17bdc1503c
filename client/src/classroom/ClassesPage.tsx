// `/classes`: the trainer's group sessions, and a form to create one (its name, its scenarios).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ClassSummary, ScenarioSummary } from '@ecoute/protocol';
import { pluralForm, useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { requestJson } from '../ui/requestJson.js';
import { useDocumentTitle } from '../ui/useDocumentTitle.js';
import { classroomApi } from './classroomApi.js';
import type { accountApi } from '../account/accountApi.js';
import { SignedInPage } from '../account/SignedInPage.js';
import './classroom.css';
import { ScenarioText } from '../i18n/ScenarioText.js';

export function ClassesPage({ accounts }: { accounts?: Pick<typeof accountApi, 'me'> }) {
  const { t } = useI18n();
  useDocumentTitle(t('classroom.title'));
  return (
    <SignedInPage
      heading={t('classroom.title')}
      page="classes"
      className="classroom"
      {...(accounts ? { accounts } : {})}
    >
      {() => <ClassesList />}
    </SignedInPage>
  );
}

function ClassesList() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [classes, setClasses] = useState<ClassSummary[]>([]);
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const nameId = useId();

  useEffect(() => {
    void classroomApi.list().then((r) => (r.ok ? setClasses(r.data) : setError(r.code)));
    void requestJson<ScenarioSummary[]>('/api/scenarios').then((r) => r.ok && setScenarios(r.data));
  }, []);

  const missingId = useId();
  const missing =
    name.trim() === ''
      ? chosen.length === 0
        ? 'classroom.create.missingBoth'
        : 'classroom.create.missingName'
      : chosen.length === 0
        ? 'classroom.create.missingScenario'
        : null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const created = await classroomApi.create({ name, scenarioIds: chosen });
    if (!created.ok) return setError(created.code);
    void navigate(`/classes/${encodeURIComponent(created.data.classId)}`);
  };

  return (
    <div className="classroom">
      <h1>{t('classroom.title')}</h1>
      <p>
        <Link to="/">{t('nav.back.home')}</Link>
      </p>
      <ErrorAlert code={error} id={errorId} />
      <form className="classroom-create" onSubmit={(e) => void create(e)}>
        <fieldset className="form-stack">
          <legend>{t('classroom.create.legend')}</legend>
          <div className="form-field">
            <label htmlFor={nameId}>{t('classroom.create.name')}</label>
            <input
              id={nameId}
              required
              maxLength={120}
              value={name}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <fieldset>
            <legend>{t('classroom.create.scenarios')}</legend>
            {scenarios.map((s) => (
              <label key={s.id} className="classroom-check">
                <input
                  type="checkbox"
                  checked={chosen.includes(s.id)}
                  onChange={(e) =>
                    setChosen((c) => (e.target.checked ? [...c, s.id] : c.filter((id) => id !== s.id)))
                  }
                />
                <ScenarioText>{s.title}</ScenarioText>
              </label>
            ))}
          </fieldset>
          {/* Disabled, the button says why under it (it was greyed out with no word). */}
          <button
            type="submit"
            disabled={missing !== null}
            aria-describedby={missing !== null ? missingId : undefined}
          >
            {t('classroom.create.submit')}
          </button>
          {missing !== null ? (
            <p id={missingId} className="hint">
              {t(missing)}
            </p>
          ) : null}
        </fieldset>
      </form>
      {classes.length === 0 ? (
        <p>{t('classroom.list.empty')}</p>
      ) : (
        <ul className="classroom-list">
          {classes.map((c) => (
            <li key={c.classId}>
              <Link to={`/classes/${encodeURIComponent(c.classId)}`}>
                {t('classroom.list.item', {
                  name: c.name,
                  code: c.code,
                  learners: t(`classroom.list.learners.${pluralForm(lang, c.learnerCount)}`, {
                    count: c.learnerCount,
                  }),
                  rounds: t(`classroom.list.rounds.${pluralForm(lang, c.rounds)}`, { count: c.rounds }),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
