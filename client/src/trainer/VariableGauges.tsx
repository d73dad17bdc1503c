import { useId } from 'react';
import { gaugeLevel, type GaugeLevel, type VariableGauge } from '@ecoute/engine';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import './variableGauges.css';
import { joinParts } from '../i18n/joinParts.js';
import { headingTag, type HeadingLevel } from '../ui/headingLevel.js';

const LEVEL_KEYS = {
  ok: 'trainer.variables.level.ok',
  warning: 'trainer.variables.level.warning',
  danger: 'trainer.variables.level.danger',
} as const satisfies Record<GaugeLevel, string>;

/**
 * The caller's hidden variables (détresse, confiance…) as labelled gauges with their values,
 * coloured by the thresholds the scenario declares (and said in words, not by colour alone).
 */
export function VariableGauges({
  variables,
  headingLevel = 2,
  heading = 'trainer.variables.heading',
}: {
  variables: VariableGauge[];
  /** Its heading's level (2 on the consoles; lower when nested under a section's own heading). */
  headingLevel?: HeadingLevel;
  /**
   * Its title: hidden from the listener during the call (the consoles, the projector); the
   * debrief, where nothing is hidden any more, names them its own way.
   */
  heading?: MessageKey;
}) {
  const { t } = useI18n();
  const idPrefix = useId();
  const Heading = headingTag(headingLevel);
  return (
    <section className="panel variables" aria-labelledby={`${idPrefix}-heading`}>
      <Heading id={`${idPrefix}-heading`}>{t(heading)}</Heading>
      <ul className="variables__list">
        {variables.map((variable) => {
          const id = `${idPrefix}-${variable.id}`;
          const level = gaugeLevel(variable);
          const levelText = variable.thresholds ? t(LEVEL_KEYS[level]) : '';
          const valueText = joinParts(
            t,
            [t('trainer.variables.value', { value: variable.value, max: variable.max }), levelText],
            'dash',
          );
          return (
            <li key={variable.id} className={`variable variable--${level}`} data-level={level}>
              <label htmlFor={id} className="variable__label">
                <ScenarioText>{variable.label}</ScenarioText>
              </label>
              {/* The track's frame keeps the gauge's extent visible (≥ 3:1 against the page). */}
              <span className="variable__track">
                <meter
                  id={id}
                  min={variable.min}
                  max={variable.max}
                  value={variable.value}
                  {...meterRegions(variable)}
                  aria-valuetext={valueText}
                >
                  {valueText}
                </meter>
              </span>
              {/* The maximum stated, as the meter says it: 4 out of 10. */}
              <span className="variable__value" aria-hidden="true">
                {t('trainer.variables.value', { value: variable.value, max: variable.max })}
                {level === 'ok' ? null : <span className="variable__level"> {levelText}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The meter's own regions (green, yellow, red in browsers) from the scenario's thresholds. */
function meterRegions(gauge: VariableGauge): { low?: number; high?: number; optimum?: number } {
  const th = gauge.thresholds;
  if (!th) return {};
  // A value at a threshold is in that threshold's region: the meter's bounds are exclusive there.
  const nudge = (gauge.max - gauge.min) * 1e-6;
  if (th.direction === 'down') {
    return {
      optimum: gauge.max,
      ...(th.warning !== undefined ? { high: th.warning } : {}),
      ...(th.danger !== undefined ? { low: th.danger + nudge } : {}),
    };
  }
  return {
    optimum: gauge.min,
    ...(th.warning !== undefined ? { low: th.warning } : {}),
    ...(th.danger !== undefined ? { high: th.danger - nudge } : {}),
  };
}
