import type { RoleView } from '@ecoute/engine';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';

/**
 * The heading of every role page: the role and the call (`session.title`, the call's title in the
 * scenario's language), or the role alone until the session's view has come.
 */
export function RolePageTitle({ role, view }: { role: string; view: RoleView | null }) {
  return (
    <h1>
      {view ? (
        <MessageWithScenario
          k="session.title"
          params={{ role }}
          scenario={{ scenario: view.scenario.title }}
        />
      ) : (
        role
      )}
    </h1>
  );
}
