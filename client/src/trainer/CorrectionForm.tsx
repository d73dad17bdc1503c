import { useId, useState, type FormEvent, type Ref } from 'react';
import type { MoveOption } from '@ecoute/engine';
import { useI18n } from '../i18n/index.js';

/** A correction's choice: a move by its id and the label people read. */
export type Choice = Pick<MoveOption, 'id' | 'label'>;

/**
 * A move for sentence `n`, among those offered when it was said: a correction of a reading (in
 * the interpretations' list) or the pick asked of the trainer (`PickRequest`).
 */
export function CorrectionForm({
  n,
  moves,
  initial,
  about,
  label,
  enabled,
  submitLabel,
  selectRef,
  onCorrect,
}: {
  n: number;
  /** The moves offered when the sentence was said. */
  moves: readonly Choice[];
  /** The move the select starts on: the one the sentence was read as (none: the first). */
  initial: string | null;
  /** The sentence corrected, in the select's name (each reading has its own). */
  about?: string;
  /** The select's label (`speech.trainer.correctLabel` unless given). */
  label?: string;
  enabled: boolean;
  submitLabel: string;
  selectRef?: Ref<HTMLSelectElement>;
  onCorrect: (n: number, move: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const selectId = useId();
  const offered = moves.some((m) => m.id === initial) ? initial : null;
  const [move, setMove] = useState<string>(offered ?? moves[0]?.id ?? '');
  const chosen = moves.some((m) => m.id === move) ? move : (moves[0]?.id ?? '');
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!chosen) return;
    void onCorrect(n, chosen);
  }
  return (
    <form className="interpretations__form" onSubmit={submit}>
      <label htmlFor={selectId}>
        {label ?? t('speech.trainer.correctLabel')}
        {about !== undefined ? (
          <span className="visually-hidden"> {t('speech.trainer.correctOf', { text: about })}</span>
        ) : null}
      </label>{' '}
      <select
        id={selectId}
        ref={selectRef}
        value={chosen}
        disabled={!enabled}
        onChange={(e) => setMove(e.target.value)}
      >
        {moves.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>{' '}
      <button type="submit" disabled={!enabled || !chosen}>
        {submitLabel}
      </button>
    </form>
  );
}
