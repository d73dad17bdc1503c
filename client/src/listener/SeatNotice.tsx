import { useEffect, useRef } from 'react';
import type { SeatState } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';

/**
 * The listener link opened on two pages: a reader (taken over, or by choice) is told it reads and
 * may take the seat back (`seat.take`). Placed in the page's polite region (`SessionNotices`'s
 * children), there only while it reads: being taken over is said when it happens. When a focused
 * control turned read-only, the focus comes to `seat.take`.
 */
export function SeatReaderNotice({
  seat,
  onChoose,
}: {
  seat: SeatState | null;
  onChoose: (action: 'take') => void;
}) {
  const { t } = useI18n();
  const takeRef = useRef<HTMLButtonElement>(null);
  const reader = seat?.status === 'reader';

  useEffect(() => {
    if (!reader) return;
    const active = document.activeElement;
    if (!active || active === document.body || (active as HTMLButtonElement).disabled)
      takeRef.current?.focus();
  }, [reader]);

  if (!reader) return null;
  return (
    <div className="notice seat-notice">
      <p>{seat?.takenOver ? t('seat.takenOver') : t('seat.reader')}</p>
      <button type="button" ref={takeRef} onClick={() => onChoose('take')}>
        {t('seat.take')}
      </button>
    </div>
  );
}

/**
 * The listener link opened on two pages: the page that has not chosen yet (`occupied`) offers
 * `seat.take` or `seat.follow` instead of the console, the focus on its heading.
 */
export function SeatNotice({
  seat,
  onChoose,
}: {
  seat: SeatState | null;
  onChoose: (action: 'take' | 'follow') => void;
}) {
  const { t } = useI18n();
  const choiceRef = useRef<HTMLHeadingElement>(null);
  const status = seat?.status ?? 'holder';

  useEffect(() => {
    if (status === 'occupied') choiceRef.current?.focus();
  }, [status]);

  if (status !== 'occupied') return null;
  return (
    <section className="panel seat-choice" aria-labelledby="seat-choice-heading">
      <h2 id="seat-choice-heading" ref={choiceRef} tabIndex={-1}>
        {t('seat.occupied.heading')}
      </h2>
      <p>{t('seat.occupied.text')}</p>
      <div className="seat-choice__actions">
        <button type="button" onClick={() => onChoose('take')}>
          {t('seat.take')}
        </button>
        <button type="button" className="button--secondary" onClick={() => onChoose('follow')}>
          {t('seat.follow')}
        </button>
      </div>
    </section>
  );
}
