import { useI18n } from '../i18n/index.js';
import { useJoined } from './JoinContext.js';
import './join.css';

/**
 * A name as the end of `join.as`'s sentence, which has its own full stop: « Lucie M. » read
 * « Vous : Lucie M.. ». Its closing dots go (the sentence's ends it); the name itself is unchanged.
 */
export function sentenceName(name: string): string {
  return name.replace(/[.…]+$/u, '') || name;
}

/**
 * The name one joined under, with a link to change it, under a role page's title; with a pseudonym the server
 * gave (an LTI launch without a name), a word that it may be changed.
 */
export function JoinedAs() {
  const { t } = useI18n();
  const joined = useJoined();
  if (!joined) return null;
  return (
    <p className="joined-as">
      {t('join.as', { name: sentenceName(joined.name) })}{' '}
      <button type="button" className="button--link" onClick={joined.rename}>
        {t('join.rename')}
      </button>
      {joined.assigned ? (
        <>
          {' '}
          <span className="hint">{t('join.assigned')}</span>
        </>
      ) : null}
    </p>
  );
}
