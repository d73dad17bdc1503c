// A generated scenario of `n` sibling states, for lint and editor benchmarks: each state says its
// own line on entry (`compact`: no lines, about 60 bytes a state) and offers two moves (one guarded) to the next states, the last one ends the
// call. About 100 bytes of YAML per state and line; `wideScenarioOfBytes(bytes)` sizes it.
export function wideScenario(n, { compact = false } = {}) {
  const out = [];
  out.push(`id: large
version: 1
title: Appel large
summary: Un scénario généré pour les mesures.
difficulty: easy
durationMinutes: 5
persona: { name: Lucien, age: 84, place: Toulon, voice: { lang: fr-FR, rate: 1, pitch: 1 }, background: Généré. }
variables:
  confiance: { label: Confiance, min: 0, max: 10, initial: 3 }
moves:
  reformuler: { label: Reformuler, category: listening, help: Reformuler. }
  question_ouverte: { label: Question ouverte, category: listening, help: Question. }
endings:
  fin: { outcome: best, message: Fini. }
  perdu: { outcome: failure, message: Perdu. }
hangupEnding: perdu
rubric:
  - id: ecoute
    label: Écoute
    criteria:
      - { id: reformule, label: Reformule, auto: { move: reformuler } }
lines:`);
  if (compact) out.push(`  l0: { text: "Bonjour." }`);
  else for (let i = 0; i < n; i++) out.push(`  l${i}: { text: "Réplique numéro ${i} du scénario généré." }`);
  out.push(`machine:
  id: large
  initial: s0
  states:`);
  for (let i = 0; i < n; i++) {
    if (compact) {
      out.push(
        i === n - 1
          ? `    s${i}: { type: final, entry: [{ type: say, params: { line: l0 } }, { type: end, params: { ending: fin } }] }`
          : `    s${i}: { on: { reformuler: s${i + 1}, question_ouverte: s${Math.min(i + 2, n - 1)} } }`,
      );
      continue;
    }
    if (i === n - 1) {
      out.push(`    s${i}:
      type: final
      entry: [{ type: say, params: { line: l${i} } }, { type: end, params: { ending: fin } }]`);
      continue;
    }
    out.push(`    s${i}:
      entry: { type: say, params: { line: l${i} } }
      on:
        reformuler: s${i + 1}
        question_ouverte:
          guard: { type: compare, params: { variable: confiance, op: '>=', value: 2 } }
          target: s${Math.min(i + 2, n - 1)}`);
  }
  return out.join('\n') + '\n';
}

/** The widest generated scenario that stays under `bytes`. */
export function wideScenarioOfBytes(bytes) {
  let n = Math.max(2, Math.floor(bytes / 330));
  while (n > 2 && Buffer.byteLength(wideScenario(n)) > bytes) n = Math.floor(n * 0.98);
  return { n, text: wideScenario(n) };
}
