// The confirmation before a delete in the studio (a state, a line, a move, an inject): the question,
// what cites the entry in words, the flags the deletion would leave read but never set (the call
// would no longer be valid), then `studio.graph.deleteConfirm` (focused by the caller) and `studio.graph.deleteCancel`.
import type { ReactNode, RefObject } from 'react';
import { useI18n } from '../../i18n/index.js';
import type { UnsetFlagWords } from './flagWords.js';

export function DeleteConfirmation({
  labelId,
  question,
  references,
  unsetFlags = [],
  confirmRef,
  onConfirm,
  onCancel,
}: {
  labelId: string;
  question: ReactNode;
  /** What cites the entry, each in words. */
  references: readonly string[];
  /** Flags nothing would set any more while something still reads them, in words. */
  unsetFlags?: readonly UnsetFlagWords[];
  confirmRef: RefObject<HTMLButtonElement | null>;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="studio-confirm" role="alertdialog" aria-labelledby={labelId}>
      <p id={labelId}>{question}</p>
      {references.length > 0 ? (
        <ul>
          {references.map((words, i) => (
            <li key={i}>{words}</li>
          ))}
        </ul>
      ) : null}
      {unsetFlags.map(({ warning, reads }, i) => (
        <div key={i} className="studio-confirm__warning">
          <p>
            <strong>{warning}</strong>
          </p>
          <ul>
            {reads.map((words, j) => (
              <li key={j}>{words}</li>
            ))}
          </ul>
        </div>
      ))}
      <button type="button" ref={confirmRef} onClick={onConfirm}>
        {t('studio.graph.deleteConfirm')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('studio.graph.deleteCancel')}
      </button>
    </div>
  );
}
