// A hand-driven SessionTransport: tests decide when the socket connects, what the server pushes
// and when (and how) each sync or input is answered. Nothing happens on its own.
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
import type { ClientFailure } from '../socket/clientFailure.js';
import type { SessionTransport } from '../socket/sessionTransport.js';

interface Pending<Request, Answer> {
  request: Request;
  answer: (result: Answer) => void;
}

export class FakeTransport implements SessionTransport {
  connected = false;
  opened = false;
  closed = false;
  readonly syncs: Pending<SyncRequest, SyncAck | ClientFailure>[] = [];
  readonly inputs: Pending<Input, InputAck | ClientFailure>[] = [];
  readonly seats: Pending<SeatRequest, SeatAck | ClientFailure>[] = [];
  private seatListeners: ((seat: SeatState) => void)[] = [];
  private connectListeners: (() => void)[] = [];
  private disconnectListeners: ((willRetry: boolean) => void)[] = [];
  private errorListeners: ((code: string, willRetry: boolean) => void)[] = [];
  private updateListeners: ((update: RoleUpdate) => void)[] = [];
  private presenceListeners: ((presence: Presence) => void)[] = [];
  private closedListeners: ((code: string) => void)[] = [];

  onConnect(listener: () => void): void {
    this.connectListeners.push(listener);
  }
  onDisconnect(listener: (willRetry: boolean) => void): void {
    this.disconnectListeners.push(listener);
  }
  onConnectError(listener: (code: string, willRetry: boolean) => void): void {
    this.errorListeners.push(listener);
  }
  onUpdate(listener: (update: RoleUpdate) => void): void {
    this.updateListeners.push(listener);
  }
  onPresence(listener: (presence: Presence) => void): void {
    this.presenceListeners.push(listener);
  }
  onSeat(listener: (seat: SeatState) => void): void {
    this.seatListeners.push(listener);
  }
  onClosed(listener: (code: string) => void): void {
    this.closedListeners.push(listener);
  }
  seat(request: SeatRequest): Promise<SeatAck | ClientFailure> {
    return new Promise((answer) => this.seats.push({ request, answer }));
  }
  isConnected(): boolean {
    return this.connected;
  }
  sync(request: SyncRequest): Promise<SyncAck | ClientFailure> {
    return new Promise((answer) => this.syncs.push({ request, answer }));
  }
  input(input: Input): Promise<InputAck | ClientFailure> {
    return new Promise((answer) => this.inputs.push({ request: input, answer }));
  }
  open(): void {
    this.opened = true;
  }
  close(): void {
    this.closed = true;
    this.connected = false;
  }

  // ---- what the test does as the network and the server ----

  connect(): void {
    this.connected = true;
    for (const listener of this.connectListeners) listener();
  }
  disconnect(willRetry = true): void {
    this.connected = false;
    for (const listener of this.disconnectListeners) listener(willRetry);
  }
  refuse(code: string, willRetry = false): void {
    for (const listener of this.errorListeners) listener(code, willRetry);
  }
  push(update: RoleUpdate): void {
    for (const listener of this.updateListeners) listener(update);
  }
  /** The server closes the page for good (`session:closed`), then the socket (no retry). */
  closeWith(code: string): void {
    for (const listener of this.closedListeners) listener(code);
    this.disconnect(false);
  }
  pushSeat(seat: SeatState): void {
    for (const listener of this.seatListeners) listener(seat);
  }
  /** Answers the oldest unanswered seat request, and lets the connection's callbacks run. */
  async answerSeat(result: SeatAck | ClientFailure): Promise<SeatRequest> {
    const pending = this.seats.shift();
    if (!pending) throw new Error('no seat request is waiting for an answer');
    pending.answer(result);
    await flush();
    return pending.request;
  }
  pushPresence(presence: Presence): void {
    for (const listener of this.presenceListeners) listener(presence);
  }
  /** Answers the oldest unanswered sync, and lets the connection's promise callbacks run. */
  async answerSync(result: SyncAck | ClientFailure): Promise<SyncRequest> {
    const pending = this.syncs.shift();
    if (!pending) throw new Error('no sync is waiting for an answer');
    pending.answer(result);
    await flush();
    return pending.request;
  }
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
