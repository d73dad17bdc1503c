import { useId } from 'react';
import type { InjectOption } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import { describeReason } from '../ui/describeReason.js';
import { headingTag, type HeadingLevel } from '../ui/headingLevel.js';
import './injectButtons.css';

/** One button per scenario inject; those the current state ignores are disabled, and say so. */
export function InjectButtons({
  injects,
  disabled,
  onInject,
  heading,
  empty,
  headingLevel = 2,
}: {
  injects: InjectOption[];
  disabled: boolean;
  onInject: (injectId: string) => void;
  /** The panel's title and its text when there is nothing (the trainer's by default). */
  heading?: string;
  empty?: string;
  /** Its heading's level (2 on the consoles; lower when nested under a section's own heading). */
  headingLevel?: HeadingLevel;
}) {
  const { t } = useI18n();
  const idPrefix = useId();
  const Heading = headingTag(headingLevel);
  const unavailable = t('trainer.injects.unavailable');
  return (
    <section className="panel injects" aria-labelledby={`${idPrefix}-heading`}>
      <Heading id={`${idPrefix}-heading`}>{heading ?? t('trainer.injects.heading')}</Heading>
      {injects.length === 0 ? <p className="muted">{empty ?? t('trainer.injects.none')}</p> : null}
      <ul className="injects__list">
        {injects.map((inject) => {
          const helpId = `${idPrefix}-${inject.id}-help`;
          // The engine says why (a code and its labels), worded by the catalogue.
          const why = inject.reason ? describeReason(t, inject.reason) : unavailable;
          return (
            <li key={inject.id}>
              <button
                type="button"
                disabled={disabled || !inject.available}
                title={inject.available ? undefined : why}
                aria-describedby={helpId}
                onClick={() => onInject(inject.id)}
              >
                <ScenarioText>{inject.label}</ScenarioText>
              </button>
              <span id={helpId} className="inject__help">
                <ScenarioText>{inject.help}</ScenarioText>
                {inject.available ? null : <span className="inject__unavailable"> — {why}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
