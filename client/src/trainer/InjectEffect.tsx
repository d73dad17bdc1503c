import { useId, useMemo } from 'react';
import type { TimelineEntry } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';
import { describeEntry } from '../ui/describeEntry.js';
import { EntryText } from '../ui/EntryText.js';
import type { KnownLabels } from '../ui/useKnownLabels.js';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';

/**
 * The latest inject and what followed it until the next action: the caller's lines and cues,
 * the variables and states it moved. Shown under the inject buttons, where the trainer is looking
 * when pressing one — on a laptop the transcript is a short box in the next column and may be
 * scrolled, on a phone it is screens below. Not a live region: the transcript's says the line.
 */
export function lastInjectEffect(entries: readonly TimelineEntry[]): {
  inject: TimelineEntry & { kind: 'input' };
  effects: TimelineEntry[];
} | null {
  let at = -1;
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i]!;
    if (entry.kind === 'input' && entry.input.kind === 'inject') {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  const inject = entries[at] as TimelineEntry & { kind: 'input' };
  const effects: TimelineEntry[] = [];
  for (const entry of entries.slice(at + 1)) {
    // The next action (a word, a move, another input) starts what is no longer the inject's doing.
    if (entry.kind === 'input') break;
    const kind = entry.observation.kind;
    if (kind === 'line' || kind === 'cue' || kind === 'variable' || kind === 'state' || kind === 'ending')
      effects.push(entry);
  }
  return { inject, effects };
}

export function InjectEffect({
  entries,
  labels,
}: {
  entries: readonly TimelineEntry[];
  labels: KnownLabels;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const last = useMemo(() => lastInjectEffect(entries), [entries]);
  if (!last || last.inject.input.kind !== 'inject') return null;
  const inject = last.inject.input.inject;
  return (
    <section className="panel inject-effect" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <MessageWithScenario
          k="trainer.injects.effect"
          scenario={{ label: labels.injects.get(inject) ?? inject }}
        />
      </h2>
      {last.effects.length === 0 ? <p className="muted">{t('trainer.injects.noEffect')}</p> : null}
      <ul className="inject-effect__list">
        {last.effects.map((entry) => {
          const line = describeEntry(entry, labels, t);
          return (
            <li key={entry.seq} className={`inject-effect__item inject-effect__item--${line.voice}`}>
              <span className="entry__speaker">{line.speaker}</span>{' '}
              {line.cue ? <span className="entry__cue">{line.cue}</span> : null}
              {line.cue && line.text ? ' ' : null}
              {line.text ? <EntryText line={line} frenchTypography /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
