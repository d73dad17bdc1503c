// A one-hour call recorded live-style, shared by the replay benchmarks (`replay.mjs`,
// `storage.mjs`): the tutorial call, one input every 500 ms of session time (sentences and
// moves, the trainer's inject every 10 s), with the observations each caused.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const engine = await import(pathToFileURL(path.join(root, 'packages/engine/dist/index.js')).href);

/** The tutorial call, compiled. */
export function tutorial() {
  const parsed = engine.parseScenario(
    readFileSync(path.join(root, 'scenarios', 'appel-entrainement.yaml'), 'utf8'),
  );
  if (!parsed.ok) throw new Error('scenario');
  return engine.compileScenario(parsed.scenario);
}

/** A session recorded live-style: `count` inputs, one every 500 ms of session time, seed 42. */
export function record(compiled, count) {
  const scheduler = new engine.ManualScheduler(0);
  const clock = new engine.SessionClock(scheduler);
  const entries = [];
  const at = new Date(0).toISOString();
  const push = (source, kind, body, t) =>
    entries.push({
      seq: entries.length + 1,
      t,
      at,
      source,
      kind,
      ...(kind === 'input' ? { input: body } : { observation: body }),
    });
  const run = new engine.CallRun(compiled, {
    clock,
    seed: 42,
    onTimer: (timed) => timed.forEach(({ t, observation }) => push('system', 'observation', observation, t)),
  });
  const inputAt = (i) => {
    if (i === 0) return { kind: 'pickup' };
    if (i === 1) return { kind: 'move', move: 'se_presenter' };
    if (i % 20 === 0) return { kind: 'inject', inject: 'sonnette' };
    if (i % 20 === 10) return { kind: 'move', move: 'valider_emotion' };
    if (i % 4 === 1) return { kind: 'move', move: 'question_ouverte' };
    return { kind: 'say', text: `Phrase ${i} : je vous écoute, prenez votre temps, je suis là.` };
  };
  for (let i = 0; i < count; i++) {
    scheduler.advanceTo(i * 500);
    const input = inputAt(i);
    const t = clock.now();
    const result = run.apply(input);
    if (!result.ok) throw new Error(`input ${i} ${input.kind}: ${result.code}`);
    push(i % 20 === 0 && i > 0 ? 'trainer' : 'listener', 'input', input, t);
    for (const observation of result.observations)
      push(observation.kind === 'line' ? 'caller' : 'system', 'observation', observation, t);
  }
  if (run.ended) throw new Error('the generated call ended early');
  run.dispose();
  return entries;
}
