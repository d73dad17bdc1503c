import { createContext, useContext } from 'react';

export interface Joined {
  name: string;
  /** Opens the name form again. */
  rename: () => void;
}

export const JoinContext = createContext<Joined | null>(null);

/** The name this page joined under, when it sits behind a `JoinGate`. */
export function useJoined(): Joined | null {
  return useContext(JoinContext);
}
