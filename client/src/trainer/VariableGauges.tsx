import { useId } from 'react';
import type { VariableGauge } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';

/** The caller's hidden variables (détresse, confiance…) as labelled gauges with their values. */
export function VariableGauges({ variables }: { variables: VariableGauge[] }) {
  const { t } = useI18n();
  const idPrefix = useId();
  return (
    <section className="panel variables" aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>{t('trainer.variables.heading')}</h2>
      <ul className="variables__list">
        {variables.map((variable) => {
          const id = `${idPrefix}-${variable.id}`;
          const valueText = t('trainer.variables.value', { value: variable.value, max: variable.max });
          return (
            <li key={variable.id} className="variable">
              <label htmlFor={id} className="variable__label">
                {variable.label}
              </label>
              <meter
                id={id}
                min={variable.min}
                max={variable.max}
                value={variable.value}
                aria-valuetext={valueText}
              >
                {valueText}
              </meter>
              <span className="variable__value" aria-hidden="true">
                {variable.value}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
