import { useI18n } from '../i18n/index.js';

/** The active states of the scenario machine, leaf first. */
export function ScenarioStates({ states }: { states: string[] }) {
  const { t } = useI18n();
  return (
    <section className="panel states" aria-labelledby="states-heading">
      <h2 id="states-heading">{t('trainer.states.heading')}</h2>
      {states.length === 0 ? (
        <p className="muted">{t('trainer.states.none')}</p>
      ) : (
        <ul className="states__list">
          {states.map((state) => (
            <li key={state}>
              <code>{state}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
