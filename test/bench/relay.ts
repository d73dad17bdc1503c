// The bare Socket.IO relay: the practical limit of the transport. Same events and payload
// shapes as the product (`session:input` acked, `session:update` to the session's role rooms)
// but no Nest, no XState, no database, no validation. Run as its own process.
import { createServer } from 'node:http';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';

const rooms = ['listener', 'trainer', 'observer'] as const;
const seqs = new Map<string, number>();
const started = performance.now();
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let gcPauses = { count: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcPauses.count += 1;
    gcPauses.totalMs += entry.duration;
    gcPauses.maxMs = Math.max(gcPauses.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

const http = createServer((req, res) => {
  if (req.url === '/api/metrics/reset') {
    loop.reset();
    gcPauses = { count: 0, totalMs: 0, maxMs: 0 };
    res.end('{"ok":true}');
    return;
  }
  if (req.url?.startsWith('/api/metrics')) {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (req.url.includes('gc=1') && collect) {
      collect();
      collect();
    }
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        heapUsedBytes: memory.heapUsed,
        rssBytes: memory.rss,
        cpuMicros: cpu,
        eventLoopDelayMs: { p99: loop.percentile(99) / 1e6 },
        gcPauses,
      }),
    );
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

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`RELAY http://127.0.0.1:${port}`);
});
