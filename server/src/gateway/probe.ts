// A probe of a room: which of its pages are alive. Socket.IO's broadcast with acks asks every
// socket of the room (with the cluster's adapter, on every process: a stalled one is left out
// after the timeout) and counts those that answer in time. A page whose device died without a
// close stays in its rooms until Socket.IO's heartbeat notices (≈ 45 s) but answers nothing. One
// mechanism for a call's role room (`session:probe`, SocketRooms) and a learner's class page
// (`class:probe`, classroom/ClassRooms): each event's listener only acks `true`.

/** A room to probe: a server's or a namespace's `in(room)`, its emits given a timeout. */
export interface ProbedRoom {
  timeout(ms: number): {
    emit(event: string, ack: (error: Error | null, answers: true[]) => void): boolean;
  };
}

/** How many sockets of `room` answer `event` within `ms`. */
export function pagesAnswering(room: ProbedRoom, event: string, ms: number): Promise<number> {
  return new Promise((resolve) => {
    // With no socket in the room the answer comes at once; `error` only says some were silent.
    room.timeout(ms).emit(event, (_error, answers) => resolve(answers.length));
  });
}
