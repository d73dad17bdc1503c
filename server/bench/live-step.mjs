#!/usr/bin/env node
// One live session's step in process (not a timed test), split where the disk comes in: an input
// applied to the runtime until its append is asked for (the step, its views, its updates), then,
// once the store says durable, until every role's update has been written (encoded as the
// Socket.IO encoder does: one JSON text per broadcast, to a role's room or to several roles' rooms
// when their updates are equal). What comes after durability is on the path of
// every observer's update (the `→ dernier observateur` of `npm run bench`); what comes before it
// overlaps the fsync. After a build:
//
//   node --expose-gc --max-semi-space-size=64 server/bench/live-step.mjs [inputs=2000] [runs=5]
//
// Prints per run the CPU time per input before and after durability (µs, median over the runs)
// and the bytes allocated per input (V8's GCProfiler: freed by collections + the heap's growth).
import { GCProfiler } from 'node:v8';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { engine, root, tutorial } from './recorded-call.mjs';

const { SessionRuntime } = await import(
  pathToFileURL(path.join(root, 'server/dist/src/sessions/session-runtime.js')).href
);

const INPUTS = Number(process.argv[2] ?? 2000);
const RUNS = Number(process.argv[3] ?? 5);
const PADDING = 'Je vous entends, prenez votre temps, je suis là pour vous écouter. '.repeat(10);

function inputAt(i) {
  if (i === 0) return { kind: 'pickup' };
  if (i === 1) return { kind: 'move', move: 'se_presenter' };
  if (i % 20 === 10) return { kind: 'move', move: 'valider_emotion' };
  return { kind: 'say', text: `${i}|${PADDING}`.slice(0, 480) };
}

async function run(compiled) {
  const scheduler = new engine.ManualScheduler(0);
  /** The store's appends, held until the bench says durable. */
  const held = [];
  const store = {
    append: () => new Promise((resolve) => held.push(resolve)),
    read: () => Promise.resolve([]),
    lastSeq: () => Promise.resolve(0),
  };
  let sent = 0;
  let encodings = 0;
  let wire = 0;
  const runtime = new SessionRuntime('bench', compiled, 42, 0, {
    store,
    broadcaster: {
      toRoles: (_id, roles, update) => {
        // What Socket.IO's encoder writes once per broadcast (to one role's room or several).
        wire += `2["session:update",${JSON.stringify(update)}]`.length;
        encodings++;
        sent += roles.length;
      },
    },
    scheduler,
    wallClock: () => new Date(1_700_000_000_000),
  });
  let before = 0;
  let after = 0;
  const profiler = new GCProfiler();
  const heapBefore = process.memoryUsage().heapUsed;
  profiler.start();
  for (let i = 0; i < INPUTS; i++) {
    scheduler.advanceTo(i * 500);
    const t0 = process.cpuUsage();
    const ack = runtime.apply(i % 20 === 0 && i > 0 ? 'trainer' : 'listener', inputAt(i));
    // The runtime asks for its append after the previous batch's: one turn.
    await new Promise((resolve) => setImmediate(resolve));
    const t1 = process.cpuUsage(t0);
    before += t1.user + t1.system;
    const expected = sent + 3;
    const t2 = process.cpuUsage();
    for (const resolve of held.splice(0)) resolve();
    await ack;
    // The updates go out on the turn after the ack.
    await new Promise((resolve) => setImmediate(resolve));
    const t3 = process.cpuUsage(t2);
    after += t3.user + t3.system;
    if (sent < expected) throw new Error(`input ${i}: ${sent} updates sent, ${expected} expected`);
  }
  const gc = profiler.stop();
  const freed = gc.statistics.reduce(
    (sum, s) => sum + (s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize),
    0,
  );
  const allocated = process.memoryUsage().heapUsed - heapBefore + freed;
  runtime.dispose();
  return {
    before: before / INPUTS,
    after: after / INPUTS,
    allocated: allocated / INPUTS,
    wire: wire / INPUTS,
    encodings: encodings / INPUTS,
  };
}

const compiled = tutorial();
await run(compiled); // warm-up (JIT)
const runs = [];
for (let r = 0; r < RUNS; r++) {
  globalThis.gc?.();
  runs.push(await run(compiled));
}
const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
console.log(
  `${INPUTS} inputs × ${RUNS} runs: CPU per input before durability ${median('before').toFixed(0)} µs, after ${median('after').toFixed(0)} µs; allocated ${(median('allocated') / 1024).toFixed(1)} KB per input; ${median('wire').toFixed(0)} bytes of updates encoded per input (${median('encodings').toFixed(2)} encodings)`,
);
