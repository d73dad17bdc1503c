import type { Input } from '@ecoute/engine';
import type {
  InputAck,
  Presence,
  RoleUpdate,
  SeatAck,
  SeatRequest,
  SeatState,
  SyncAck,
  SyncRequest,
} from '@ecoute/protocol';
import type { ClientFailure } from './clientFailure.js';

/**
 * The little a session connection needs from the network. The socket.io implementation is
 * `createSocketTransport`; tests drive `FakeTransport` (src/test/) by hand.
 */
export interface SessionTransport {
  onConnect(listener: () => void): void;
  /** `willRetry`: the transport reconnects by itself (false when the server closed it). */
  onDisconnect(listener: (willRetry: boolean) => void): void;
  /** `code`: the server's refusal (e.g. 'auth/invalid_token') or a network error text. */
  onConnectError(listener: (code: string, willRetry: boolean) => void): void;
  onUpdate(listener: (update: RoleUpdate) => void): void;
  /** Who is connected, per role: sent by the server whenever someone comes, goes or names themself. */
  onPresence(listener: (presence: Presence) => void): void;
  /** The page's seat changed because of another page of the same link (taken over). */
  onSeat(listener: (seat: SeatState) => void): void;
  /**
   * The server closes this page for good, with its reason (`session:closed`, e.g. the role's link
   * renewed: `class/place_freed`); the disconnect that follows is not to be retried.
   */
  onClosed(listener: (code: string) => void): void;
  isConnected(): boolean;
  sync(request: SyncRequest): Promise<SyncAck | ClientFailure>;
  input(input: Input): Promise<InputAck | ClientFailure>;
  seat(request: SeatRequest): Promise<SeatAck | ClientFailure>;
  open(): void;
  close(): void;
}
