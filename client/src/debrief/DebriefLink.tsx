// A link from a role page (the trainer's console, the listener's ending panel) to the session's
// debrief, carrying the same token in the fragment.
import { Link, useLocation, useParams } from 'react-router';
import { readRoleToken } from '../app/readRoleToken.js';
import { useI18n } from '../i18n/index.js';

export function DebriefLink({ className = 'button button--secondary' }: { className?: string }) {
  const { t } = useI18n();
  const { sessionId } = useParams();
  const { hash } = useLocation();
  const token = readRoleToken(hash);
  if (!sessionId || !token) return null;
  return (
    <Link
      className={className}
      to={`/debrief/${encodeURIComponent(sessionId)}#k=${encodeURIComponent(token)}`}
    >
      {t('debrief.open')}
    </Link>
  );
}
