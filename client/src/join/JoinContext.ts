import { createContext, useContext } from 'react';

export interface Joined {
  name: string;
  /** The server gave this name as a pseudonym (a launch without a name): they may change it. */
  assigned: boolean;
  /** Opens the name form again. */
  rename: () => void;
}

export const JoinContext = createContext<Joined | null>(null);

/** The name this page joined under, when it sits behind a `JoinGate`. */
export function useJoined(): Joined | null {
  return useContext(JoinContext);
}
