// Who may run a session's runtime. One process alone (the embedded default): always this one,
// no fencing. Several processes (cluster/): the process holding the session's lease, whose
// appends carry the lease's epoch (`fencedStore`), so that a process that lost the lease can
// never write to that timeline again.

/** This process holds the session: its appends carry `epoch` (0: no fencing, one process). */
export interface Lease {
  epoch: number;
  /** Taken from a process that handed it over (a drain): the call goes on at once. */
  handedOver?: boolean;
}

/** Another process holds the session: inputs go there (`cluster/session-placement.ts`). */
export interface Elsewhere {
  elsewhere: {
    owner: string;
    /** How long the owner's lease still runs without a heartbeat (ms, ≤ 0: expired). */
    expiresInMs: number;
  };
}

export interface SessionOwnership {
  /** Takes the session if no live process holds it (bumping its epoch), or says who does. */
  acquire(sessionId: string): Promise<Lease | Elsewhere>;
  /**
   * Gives the session up: `handover` leaves it for another process to take at once (drain) —
   * passed straight to `successor` if it is alive (resolves true), else to whoever takes it first;
   * otherwise (idle unload) nobody needs to take it until someone connects.
   */
  release(sessionId: string, epoch: number, handover: boolean, successor?: string): Promise<boolean>;
}

export const SESSION_OWNERSHIP = Symbol('SESSION_OWNERSHIP');

/** One process: every session is this one's, nothing to fence. */
export const soleOwnership: SessionOwnership = {
  acquire: () => Promise.resolve({ epoch: 0 }),
  release: () => Promise.resolve(false),
};
