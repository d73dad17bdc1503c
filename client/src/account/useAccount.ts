import { useEffect, useState } from 'react';
import type { AccountMe } from '@ecoute/protocol';
import { accountApi } from './accountApi.js';

export type AccountState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'failed'; code: string }
  | { status: 'signed-in'; me: AccountMe };

/** Who is signed in in this browser (GET /api/account/me). */
export function useAccount(api: Pick<typeof accountApi, 'me'> = accountApi): AccountState {
  const [state, setState] = useState<AccountState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void api.me().then((result) => {
      if (!current) return;
      if (result.ok) setState({ status: 'signed-in', me: result.data });
      else if (result.code === 'auth/sign_in_required') setState({ status: 'signed-out' });
      else setState({ status: 'failed', code: result.code });
    });
    return () => {
      current = false;
    };
  }, [api]);
  return state;
}
