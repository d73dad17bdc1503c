// A link from a role page (the trainer's console, the listener's ending panel) to the session's
// debrief, carrying the same token in the fragment.
import { Link, useLocation, useParams } from 'react-router';
import { readRoleToken } from '../app/readRoleToken.js';
import { storedRoleToken } from '../app/takeRoleToken.js';
import { useI18n } from '../i18n/index.js';

export function DebriefLink({ className = 'button button--secondary' }: { className?: string }) {
  const { t } = useI18n();
  const { sessionId } = useParams();
  const { hash, pathname } = useLocation();
  // The link's token, or the one this tab kept once it left the address bar.
  const token = readRoleToken(hash) ?? storedRoleToken(pathname);
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
