#!/usr/bin/env node
// The server's CPU for sending one sentence's update to a session's roles (not a timed test): the
// real Socket.IO server of the product (`SocketAdapter`, its encoder) and 4 real clients per
// session (a listener, a trainer, two observers, as `npm run bench` connects them), the update
// sent either as one broadcast per role room (before) or as one broadcast to the three rooms
// (`SocketRooms.toRoles`, the runtime's shared update). Counts the CPU of the emits alone (encode,
// frame, the writes to the sockets), not the clients' reading. After a build:
//
//   node --max-semi-space-size=64 server/bench/role-broadcast.mjs [sessions=50] [rounds=200]
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './recorded-call.mjs';

const dist = (file) => import(pathToFileURL(path.join(root, 'server/dist/src', file)).href);
const { SocketAdapter } = await dist('gateway/io-adapter.js');
const { SocketRooms, roleRoom } = await dist('gateway/socket-rooms.js');
const { io: connect } = await import('socket.io-client');

const SESSIONS = Number(process.argv[2] ?? 50);
const ROUNDS = Number(process.argv[3] ?? 200);
const ROLES = ['listener', 'trainer', 'observer'];
const PADDING = 'Je vous entends bien, prenez votre temps, je reste avec vous au téléphone. '.repeat(8);

const http = createServer();
const server = new SocketAdapter(http).createIOServer(0);
server.on('connection', (socket) => {
  const { sessionId, role } = socket.handshake.auth;
  void socket.join(roleRoom(sessionId, role));
  socket.emit('joined');
});
await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${http.address().port}`;
const clients = [];
let received = 0;
for (let s = 0; s < SESSIONS; s++) {
  for (const role of ['listener', 'trainer', 'observer', 'observer']) {
    const client = connect(url, { transports: ['websocket'], auth: { sessionId: `s${s}`, role } });
    client.on('session:update', () => received++);
    await new Promise((resolve) => client.once('joined', resolve));
    clients.push(client);
  }
}
const rooms = new SocketRooms();
rooms.attach(server);

function update(s, seq) {
  const at = new Date().toISOString();
  const text = `${s}.${seq}|${PADDING}`.slice(0, 480);
  const entries = [
    { seq, t: seq * 500, at, source: 'listener', kind: 'input', input: { kind: 'say', text } },
  ];
  return { from: seq - 1, to: seq, entries, t: seq * 500 };
}

/** CPU µs per session update, the emits only; then waits until every client has read them. */
async function measure(shared) {
  let cpu = 0;
  for (let r = 1; r <= ROUNDS; r++) {
    const expected = received + SESSIONS * 4;
    const t0 = process.cpuUsage();
    for (let s = 0; s < SESSIONS; s++) {
      const u = update(s, r);
      if (shared) rooms.toRoles(`s${s}`, ROLES, u);
      else for (const role of ROLES) rooms.toRoles(`s${s}`, [role], u);
    }
    const t = process.cpuUsage(t0);
    cpu += t.user + t.system;
    while (received < expected) await new Promise((resolve) => setImmediate(resolve));
  }
  return cpu / (ROUNDS * SESSIONS);
}

await measure(false);
await measure(true);
const results = { perRoom: [], shared: [] };
for (let i = 0; i < 3; i++) {
  results.perRoom.push(await measure(false));
  results.shared.push(await measure(true));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[1];
console.log(
  `${SESSIONS} sessions × ${ROUNDS} updates, 4 sockets each: server CPU per update sent, one broadcast per role room ${median(results.perRoom).toFixed(1)} µs, one broadcast to the three rooms ${median(results.shared).toFixed(1)} µs (medians of 3)`,
);
for (const client of clients) client.disconnect();
await server.close();
process.exit(0);
