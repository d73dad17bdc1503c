import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useLocation, useParams } from 'react-router';
import type { Role } from '@ecoute/engine';
import { JoinGate } from '../join/JoinGate.js';
import { readLinkName } from '../join/linkName.js';
import { SessionContext, useSession } from '../socket/index.js';
import { SessionStatusNotice } from '../ui/SessionStatusNotice.js';
import { takeRoleToken } from './takeRoleToken.js';

function LiveSession({
  sessionId,
  token,
  children,
}: {
  sessionId: string;
  token: string;
  children: ReactNode;
}) {
  const session = useSession({ sessionId, token });
  return <SessionContext value={session}>{children}</SessionContext>;
}

/**
 * A role page behind its link: connects with the link's session id and token. With `role`, the
 * page first asks a display name and joins the session under it (`JoinGate`), unless the link
 * gives one (`#…&n=`, an LTI launch).
 */
export function RoleRoute({ role, children }: { role?: Role; children: ReactNode }) {
  const { sessionId } = useParams();
  const { hash, pathname } = useLocation();
  // The link's name (an LTI launch's) is read from the same fragment as the token.
  const given = useMemo(() => readLinkName(hash), [hash]);
  const token = useMemo(() => takeRoleToken(pathname, hash), [pathname, hash]);
  if (!sessionId || !token) {
    return <SessionStatusNotice status="error" errorCode="client/missing_token" wrongRole={false} />;
  }
  // Keyed by the link, so that following another link starts a fresh page state.
  return (
    <LiveSession key={`${sessionId}#${token}`} sessionId={sessionId} token={token}>
      {role ? (
        <JoinGate role={role} sessionId={sessionId} given={given}>
          {children}
        </JoinGate>
      ) : (
        children
      )}
    </LiveSession>
  );
}
