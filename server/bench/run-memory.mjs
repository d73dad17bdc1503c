#!/usr/bin/env node
// What one session's call run holds in memory after the load benchmark's traffic: pickup, the
// introduction, then sentences of ~480 characters (a move every 20th), as `npm run bench` sends
// them. Heap after GC per run, over 300 runs kept alive, with their three role views. After a build:
//
//   node --expose-gc server/bench/run-memory.mjs [inputs=50] [runs=300]
import { engine, tutorial } from './recorded-call.mjs';

if (typeof globalThis.gc !== 'function') {
  console.error('run with --expose-gc');
  process.exit(2);
}
const args = process.argv.slice(2);
const INPUTS = Number(args[0] ?? 50);
const RUNS = Number(args[1] ?? 300);
const compiled = tutorial();
const PADDING = 'Je vous entends bien, prenez votre temps, je reste avec vous au téléphone. '.repeat(8);
const scheduler = new engine.ManualScheduler(0);

function session(i) {
  const run = new engine.CallRun(compiled, {
    clock: new engine.SessionClock(scheduler),
    seed: 7,
    onTimer: () => {},
  });
  run.apply({ kind: 'pickup' });
  run.apply({ kind: 'move', move: 'se_presenter' });
  for (let k = 1; k <= INPUTS; k++) {
    // A string of its own per sentence, as the socket's JSON parsing makes one.
    const text = JSON.parse(JSON.stringify(`${i}.${k}|${PADDING}`.slice(0, 480)));
    run.apply(k % 20 === 0 ? { kind: 'move', move: 'valider_emotion' } : { kind: 'say', text });
  }
  return { run, views: ['trainer', 'listener', 'observer'].map((role) => run.viewFor(role)) };
}

session(-1);
globalThis.gc();
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const kept = Array.from({ length: RUNS }, (_, i) => session(i));
globalThis.gc();
globalThis.gc();
const perRun = (process.memoryUsage().heapUsed - before) / kept.length;
console.log(
  `Call run after ${INPUTS} inputs (${RUNS} runs, Node ${process.version}): ${(perRun / 1024).toFixed(1)} KB per run`,
);
