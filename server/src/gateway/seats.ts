// The seat of a role link opened more than once (a second tab, a second device): one page acts,
// the others read. Kept per process, with the sockets it holds (a page reached through another
// process of a cluster has its own seat there). Plain data, no socket.io: the gateway asks and
// tells the sockets.
import type { Role } from '@ecoute/engine';
import { SEATED_ROLES } from '@ecoute/protocol';
import type { SeatState } from '@ecoute/protocol';

interface Seat {
  /** The socket that acts, or null while nobody holds the seat. */
  holder: string | null;
  /** The page (its id, drawn at load) the holder belongs to, once it claimed. */
  holderPage: string | null;
}

const HOLDER: SeatState = { status: 'holder' };
const OCCUPIED: SeatState = { status: 'occupied' };
const READER: SeatState = { status: 'reader' };

export class RoleSeats {
  private readonly seats = new Map<string, Seat>();

  private static key(sessionId: string, role: Role): string {
    return `${sessionId}:${role}`;
  }

  private static seated(role: Role): boolean {
    return SEATED_ROLES.includes(role);
  }

  /** A socket connected: it holds the seat if nobody does (a client that never claims still acts alone). */
  arrive(sessionId: string, role: Role, socket: string): void {
    if (!RoleSeats.seated(role)) return;
    const key = RoleSeats.key(sessionId, role);
    const seat = this.seats.get(key);
    if (!seat) this.seats.set(key, { holder: socket, holderPage: null });
    else if (seat.holder === null) seat.holder = socket;
  }

  /**
   * Sent by a page on every connection: the seat if this socket holds it, if it is free, or if
   * its holder is this same page's previous socket (a reconnect or a reload the server has not
   * noticed yet; `displaced` names that socket, told in case it is still there — a duplicated tab).
   */
  claim(
    sessionId: string,
    role: Role,
    socket: string,
    page: string,
  ): { seat: SeatState; displaced: string | null } {
    if (!RoleSeats.seated(role)) return { seat: HOLDER, displaced: null };
    const seat = this.seatOf(sessionId, role);
    if (seat.holder === null || seat.holder === socket || seat.holderPage === page) {
      const displaced = seat.holder !== null && seat.holder !== socket ? seat.holder : null;
      seat.holder = socket;
      seat.holderPage = page;
      return { seat: HOLDER, displaced };
    }
    return { seat: OCCUPIED, displaced: null };
  }

  /** « Prendre la main »: this socket holds the seat; the one it displaced (to tell it) if any. */
  take(
    sessionId: string,
    role: Role,
    socket: string,
    page: string,
  ): { seat: SeatState; displaced: string | null } {
    if (!RoleSeats.seated(role)) return { seat: HOLDER, displaced: null };
    const seat = this.seatOf(sessionId, role);
    const displaced = seat.holder !== null && seat.holder !== socket ? seat.holder : null;
    seat.holder = socket;
    seat.holderPage = page;
    return { seat: HOLDER, displaced };
  }

  /** « Suivre en lecture seule »: this socket reads; if it held the seat, the seat is free. */
  follow(sessionId: string, role: Role, socket: string): SeatState {
    if (!RoleSeats.seated(role)) return HOLDER;
    const key = RoleSeats.key(sessionId, role);
    const seat = this.seats.get(key);
    if (seat?.holder === socket) this.seats.delete(key);
    return READER;
  }

  /** A socket left: its seat, if it held one, is free for the next page that claims or takes it. */
  leave(sessionId: string, role: Role, socket: string): void {
    const key = RoleSeats.key(sessionId, role);
    if (this.seats.get(key)?.holder === socket) this.seats.delete(key);
  }

  /** Whether this socket's inputs are accepted: any role without a seat, or the seat's holder. */
  mayAct(sessionId: string, role: Role, socket: string): boolean {
    if (!RoleSeats.seated(role)) return true;
    return this.seats.get(RoleSeats.key(sessionId, role))?.holder === socket;
  }

  /** Seats held now (a gauge of memory: one per seated link with its holder connected). */
  get size(): number {
    return this.seats.size;
  }

  private seatOf(sessionId: string, role: Role): Seat {
    const key = RoleSeats.key(sessionId, role);
    let seat = this.seats.get(key);
    if (!seat) {
      seat = { holder: null, holderPage: null };
      this.seats.set(key, seat);
    }
    return seat;
  }
}
