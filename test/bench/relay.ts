// The bare Socket.IO relay: the practical limit of the transport. Same events and payload
// shapes as the product (`session:input` acked, `session:update` to the session's role rooms)
// but no Nest, no XState, no database, no validation. Run as its own process.
import { createServer } from 'node:http';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { Server } from 'socket.io';

const rooms = ['listener', 'trainer', 'observer'] as const;
const seqs = new Map<string, number>();
const started = performance.now();
// The process figures as the product reports them: prom-client's default metrics with the same
// settings as the server's `ServerMetrics` (event loop sampled every 5 ms, the same GC buckets).
const registry = new Registry();
collectDefaultMetrics({
  register: registry,
  eventLoopMonitoringPrecision: 5,
  gcDurationBuckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
});

const http = createServer((req, res) => {
  if (req.url?.split('?')[0] === '/metrics') {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (req.url.includes('gc=1') && collect) {
      collect();
      collect();
    }
    void registry.metrics().then((text) => {
      res.setHeader('content-type', registry.contentType);
      res.end(text);
    });
    return;
  }
  res.statusCode = 404;
  res.end();
});
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16 * 1024 });

io.on('connection', (socket) => {
  const auth = socket.handshake.auth as { sessionId?: string; role?: string };
  const sessionId = String(auth.sessionId);
  const role = String(auth.role);
  void socket.join(`s:${sessionId}:${role}`);
  socket.on('session:input', (input: unknown, ack: (result: unknown) => void) => {
    const seq = (seqs.get(sessionId) ?? 0) + 1;
    seqs.set(sessionId, seq);
    const entry = {
      seq,
      t: performance.now() - started,
      at: new Date().toISOString(),
      source: role,
      kind: 'input',
      input,
    };
    if (typeof ack === 'function') ack({ ok: true, seq });
    for (const room of rooms) {
      io.to(`s:${sessionId}:${room}`).emit('session:update', {
        from: seq - 1,
        to: seq,
        entries: [entry],
        // Like the product's update of a sentence: its time, no view (unchanged).
        t: entry.t,
      });
    }
  });
});

// Stopped by the benchmark with SIGTERM: exit through Node so that `--cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`RELAY http://127.0.0.1:${port}`);
});
