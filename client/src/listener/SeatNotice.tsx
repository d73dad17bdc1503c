import { useEffect, useRef } from 'react';
import type { SeatState } from '@ecoute/protocol';
import { useI18n } from '../i18n/index.js';

/**
 * The listener link opened on two pages: the page without the seat says so. A page that has not
 * chosen yet (`occupied`) offers `seat.take` or `seat.follow`; a reader is
 * told it reads (taken over, or by choice) and may take the seat back. The status line is
 * always in the page, so that being taken over is announced when it happens.
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
  const takeRef = useRef<HTMLButtonElement>(null);
  const status = seat?.status ?? 'holder';

  useEffect(() => {
    if (status === 'occupied') choiceRef.current?.focus();
    // The page's controls turn read-only: focus, if it was on one of them, comes here.
    if (status === 'reader') {
      const active = document.activeElement;
      if (!active || active === document.body || (active as HTMLButtonElement).disabled)
        takeRef.current?.focus();
    }
  }, [status]);

  return (
    <>
      <div className={status === 'reader' ? 'notice seat-notice' : 'seat-notice seat-notice--empty'}>
        <p role="status">
          {status === 'reader' ? (seat?.takenOver ? t('seat.takenOver') : t('seat.reader')) : null}
        </p>
        {status === 'reader' ? (
          <button type="button" ref={takeRef} onClick={() => onChoose('take')}>
            {t('seat.take')}
          </button>
        ) : null}
      </div>
      {status === 'occupied' ? (
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
      ) : null}
    </>
  );
}
