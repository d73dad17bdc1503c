import { useEffect, useState } from 'react';
import type { ScenarioSummary } from '@ecoute/protocol';
import type { HomeApi } from './homeApi.js';

export type ScenariosState =
  | { status: 'loading' }
  | { status: 'loaded'; scenarios: ScenarioSummary[] }
  | { status: 'failed'; code: string };

export function useScenarios(api: HomeApi): ScenariosState {
  const [state, setState] = useState<ScenariosState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void api.listScenarios().then((result) => {
      if (!current) return;
      setState(
        result.ok ? { status: 'loaded', scenarios: result.data } : { status: 'failed', code: result.code },
      );
    });
    return () => {
      current = false;
    };
  }, [api]);
  return state;
}
