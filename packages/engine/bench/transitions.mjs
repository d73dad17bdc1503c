#!/usr/bin/env node
// Transitions per second: the engine (CallRun.apply: a compiled scenario, named actions and
// guards, observation sink, state diff) against the same machine written directly in XState
// (createMachine with plain assign and inline actions). One run, on this machine; figures only.
//
//   npx tsc -b packages/engine && node packages/engine/bench/transitions.mjs [iterations]
//
// 1. The same loop on both sides: a small parallel machine (two regions, nested states, an
//    `always` guard checked at every step, a pending `after` timer) and four listening moves in
//    a loop; the scenario YAML below and the hand-written machine further down are the same.
// 2. For scale: the largest library scenario, its first play-through test replayed again and again
//    (a new call each time: actor creation included).
/* eslint-disable no-restricted-imports -- a bench script, run by hand: it reads the library files */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assign, createActor, createMachine } from 'xstate';

const here = path.dirname(fileURLToPath(import.meta.url));
const engine = await import(path.join(here, '../dist/index.js'));
const {
  CallRun,
  ManualScheduler,
  SessionClock,
  compileScenario,
  parseScenario,
  parsePlayThroughs,
  stepInput,
} = engine;
const N = Number(process.argv[2] ?? 200_000);

const LOOP = ['reformuler', 'valider_emotion', 'question_ouverte', 'rassurer'];

const scenarioYaml = `
id: banc-essai
version: 1
title: Banc d'essai
summary: La boucle de mesure.
difficulty: easy
durationMinutes: 5
persona: { name: Lucien, age: 84, place: Toulon, voice: { lang: fr-FR, rate: 1, pitch: 1 }, background: Banc d'essai. }
variables:
  inquietude: { label: Inquiétude, min: 0, max: 10, initial: 6 }
  confiance: { label: Confiance, min: 0, max: 10, initial: 3 }
lines:
  oui: { text: "Oui, c'est ça." }
  peur: { text: "J'ai peur, vous savez." }
  merci: { text: Merci de m'écouter. }
  raconte: { text: Je vous raconte. }
  rassure: { text: Ça me rassure. }
  perdu: { text: Je suis perdu. }
moves:
  reformuler: { label: Reformuler, category: listening, help: Reformuler. }
  valider_emotion: { label: Valider l'émotion, category: listening, help: Valider. }
  question_ouverte: { label: Question ouverte, category: listening, help: Question. }
  rassurer: { label: Rassurer, category: listening, help: Rassurer. }
endings:
  perdu: { outcome: failure, message: Perdu. }
hangupEnding: perdu
machine:
  id: banc
  type: parallel
  states:
    echange:
      initial: dialogue
      always:
        guard: { type: compare, params: { variable: inquietude, op: '>=', value: 10 } }
        target: .fin
      states:
        dialogue:
          initial: ecoute
          states:
            ecoute:
              on:
                reformuler:
                  actions:
                    - { type: say, params: { line: oui } }
                    - { type: adjust, params: { variable: confiance, by: 1 } }
                    - { type: adjust, params: { variable: inquietude, by: -1 } }
                    - { type: flag, params: { name: besoin_compris } }
          on:
            valider_emotion:
              - guard: { type: moveCount, params: { move: valider_emotion, op: '>=', value: 2 } }
                actions:
                  - { type: say, params: { line: merci } }
                  - { type: adjust, params: { variable: inquietude, by: -1 } }
              - actions:
                  - { type: say, params: { line: peur } }
                  - { type: adjust, params: { variable: inquietude, by: -2 } }
            question_ouverte:
              actions:
                - { type: say, params: { line: raconte } }
                - { type: adjust, params: { variable: inquietude, by: 2 } }
            rassurer:
              actions:
                - { type: say, params: { line: rassure } }
                - { type: adjust, params: { variable: inquietude, by: -1 } }
                - { type: adjust, params: { variable: confiance, by: 1 } }
        fin:
          type: final
          entry:
            - { type: say, params: { line: perdu } }
            - { type: end, params: { ending: perdu } }
    souffle:
      initial: stable
      states:
        stable:
          after:
            30000:
              target: essouffle
        essouffle: {}
`;

// The same machine, written directly in XState: plain assign, inline actions, one array of lines.
function handWritten() {
  const said = [];
  const clamp = (v) => Math.min(10, Math.max(0, v));
  const adjust = (changes) =>
    assign(({ context }) => {
      const vars = { ...context.vars };
      for (const [k, by] of Object.entries(changes)) vars[k] = clamp(vars[k] + by);
      return { vars };
    });
  const say = (line) => () => said.push(line);
  const count = (move) =>
    assign(({ context }) => ({
      moveCounts: { ...context.moveCounts, [move]: (context.moveCounts[move] ?? 0) + 1 },
    }));
  const machine = createMachine({
    id: 'banc',
    type: 'parallel',
    context: { vars: { inquietude: 6, confiance: 3 }, flags: {}, moveCounts: {} },
    states: {
      echange: {
        initial: 'dialogue',
        always: { guard: ({ context }) => context.vars.inquietude >= 10, target: '.fin' },
        states: {
          dialogue: {
            initial: 'ecoute',
            states: {
              ecoute: {
                on: {
                  reformuler: {
                    actions: [
                      count('reformuler'),
                      say('oui'),
                      adjust({ confiance: 1, inquietude: -1 }),
                      assign(({ context }) => ({ flags: { ...context.flags, besoin_compris: true } })),
                    ],
                  },
                },
              },
            },
            on: {
              valider_emotion: [
                {
                  guard: ({ context }) => (context.moveCounts.valider_emotion ?? 0) + 1 >= 2,
                  actions: [count('valider_emotion'), say('merci'), adjust({ inquietude: -1 })],
                },
                { actions: [count('valider_emotion'), say('peur'), adjust({ inquietude: -2 })] },
              ],
              question_ouverte: {
                actions: [count('question_ouverte'), say('raconte'), adjust({ inquietude: 2 })],
              },
              rassurer: {
                actions: [count('rassurer'), say('rassure'), adjust({ inquietude: -1, confiance: 1 })],
              },
            },
          },
          fin: { type: 'final', entry: say('perdu') },
        },
      },
      souffle: { initial: 'stable', states: { stable: { after: { 30000: 'essouffle' } }, essouffle: {} } },
    },
  });
  return { machine, said };
}

function time(fn) {
  const started = performance.now();
  const count = fn();
  const ms = performance.now() - started;
  return { count, ms, perSecond: Math.round((count / ms) * 1000) };
}

const fmt = (n) => n.toLocaleString('fr-FR');

// --- 1. The same loop, both ways ---------------------------------------------------------------
const parsed = parseScenario(scenarioYaml);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const compiled = compileScenario(parsed.scenario);

function engineLoop(n) {
  const scheduler = new ManualScheduler();
  const run = new CallRun(compiled, { clock: new SessionClock(scheduler), seed: 1, onTimer: () => {} });
  run.apply({ kind: 'pickup' });
  let said = 0;
  for (let i = 0; i < n; i++) {
    const result = run.apply({ kind: 'move', move: LOOP[i % LOOP.length] });
    if (!result.ok) throw new Error(`refusé : ${result.code}`);
    said += result.observations.length;
  }
  if (run.ended || said === 0) throw new Error('la boucle doit rester en ligne');
  run.dispose();
  return n;
}

function xstateLoop(n) {
  const { machine, said } = handWritten();
  const actor = createActor(machine).start();
  for (let i = 0; i < n; i++) actor.send({ type: LOOP[i % LOOP.length] });
  if (actor.getSnapshot().status !== 'active' || said.length !== n)
    throw new Error('la boucle doit rester active');
  actor.stop();
  return n;
}

// Warm up both, then measure.
engineLoop(20_000);
xstateLoop(20_000);
const eng = time(() => engineLoop(N));
const raw = time(() => xstateLoop(N));

// --- 2. The largest library scenario ----------------------------------------------------------
const scenariosDir = path.resolve(here, '../../../scenarios');
const largest = readdirSync(scenariosDir)
  .filter((f) => f.endsWith('.yaml') && !f.endsWith('.tests.yaml'))
  .map((f) => ({ f, size: statSync(path.join(scenariosDir, f)).size }))
  .sort((a, b) => b.size - a.size)[0].f;
const lib = parseScenario(readFileSync(path.join(scenariosDir, largest), 'utf8'));
if (!lib.ok) throw new Error(`${largest} : ${JSON.stringify(lib.errors[0])}`);
const libCompiled = compileScenario(lib.scenario);
const testsFile = path.join(scenariosDir, largest.replace(/\.yaml$/, '.tests.yaml'));
let steps;
try {
  const tests = parsePlayThroughs(readFileSync(testsFile, 'utf8'));
  steps = tests.ok ? tests.file.tests[0].steps : undefined;
} catch {
  steps = undefined;
}
function libraryCalls(n) {
  let applied = 0;
  while (applied < n) {
    const scheduler = new ManualScheduler();
    const clock = new SessionClock(scheduler);
    const run = new CallRun(libCompiled, { clock, seed: 1, onTimer: () => {} });
    for (const step of steps ?? [{ at: 0, pickup: true }]) {
      if (!clock.paused && step.at > clock.now()) scheduler.advanceBy(step.at - clock.now());
      const input = stepInput(step);
      if (!input) continue;
      run.apply(input);
      applied++;
    }
    if (!steps) {
      // No tests file: the moves on offer, in turn, until the call ends or 50 steps.
      for (let i = 0; i < 50 && !run.ended; i++) {
        const moves = run.availableMoves();
        if (moves.length === 0) break;
        run.apply({ kind: 'move', move: moves[i % moves.length].id });
        applied++;
      }
    }
    run.dispose();
  }
  return applied;
}
libraryCalls(2_000);
const library = time(() => libraryCalls(Math.max(2_000, N / 10)));

console.log(`Boucle de ${LOOP.length} actions d'écoute, ${fmt(N)} transitions, même machine :`);
console.log(
  `  moteur (CallRun.apply)        ${fmt(eng.perSecond).padStart(12)} transitions/s  (${eng.ms.toFixed(0)} ms)`,
);
console.log(
  `  XState écrit à la main         ${fmt(raw.perSecond).padStart(12)} transitions/s  (${raw.ms.toFixed(0)} ms)`,
);
console.log(`  rapport moteur / XState        ${(eng.perSecond / raw.perSecond).toFixed(2)}`);
console.log(
  `Plus grand scénario de la bibliothèque : ${largest} (${steps ? 'son premier test de parcours, rejoué' : 'actions proposées'}, un appel neuf à chaque fois)`,
);
console.log(
  `  moteur (CallRun.apply)        ${fmt(library.perSecond).padStart(12)} transitions/s  (${fmt(library.count)} entrées, ${library.ms.toFixed(0)} ms)`,
);
