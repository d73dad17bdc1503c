import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n/index.js';
import { classReturnOf } from './classReturn.js';

/**
 * At the end of a group session's call, on the learner's call page: the way back to the group
 * session page, where the next round's role arrives (nothing when the call was not opened from it).
 */
export function ClassReturnLink() {
  const { t } = useI18n();
  const { sessionId } = useParams();
  const back = sessionId ? classReturnOf(sessionId) : null;
  if (!back) return null;
  return (
    <p className="class-return">
      <Link className="button button--secondary" to={back}>
        {t('classroom.join.back')}
      </Link>
    </p>
  );
}
