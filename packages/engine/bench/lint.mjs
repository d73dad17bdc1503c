#!/usr/bin/env node
// Lint on wide generated scenarios: wall and CPU time per size, and the share of the YAML parse.
// Figures only, no threshold (the machine may be busy: CPU time is the steadier figure).
//
//   npm run scenario -- bench-lint [--runs 3]
//   (or, after `npx tsc -b packages/engine`: node packages/engine/bench/lint.mjs [runs])
/* eslint-disable no-restricted-imports -- a bench script, run by hand or by `npm run scenario -- bench-lint` */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wideScenario, wideScenarioOfBytes } from './wide-scenario.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function benchLint({ runs = 3, print = console.log } = {}) {
  const engine = await import(path.join(here, '../dist/index.js'));
  const cases = [
    ['10 000 états frères (compact)', wideScenario(10_000, { compact: true })],
    ['14 000 états frères (compact)', wideScenario(14_000, { compact: true })],
    ...[250_000, 500_000, 1_000_000].map((bytes) => {
      const { n, text } = wideScenarioOfBytes(bytes);
      return [`${n} états, répliques et gardes`, text];
    }),
  ];
  print(
    'scénario                                   octets   lint ms (mur / CPU)   dont parseScenario ms (CPU)',
  );
  for (const [name, text] of cases) {
    let best = { wall: Infinity, cpu: Infinity, parse: Infinity };
    for (let r = 0; r < runs; r++) {
      const c0 = process.cpuUsage();
      engine.parseScenario(text);
      const parse = cpuMs(process.cpuUsage(c0));
      const t0 = performance.now();
      const c1 = process.cpuUsage();
      const { issues } = engine.lintScenario('banc.yaml', text);
      const cpu = cpuMs(process.cpuUsage(c1));
      const wall = performance.now() - t0;
      const errors = issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) throw new Error(`${name}: ${engine.formatLintIssue(errors[0])}`);
      if (cpu < best.cpu) best = { wall, cpu, parse };
    }
    print(
      `${name.padEnd(40)} ${String(Buffer.byteLength(text)).padStart(8)}   ${best.wall.toFixed(0).padStart(7)} / ${best.cpu.toFixed(0).padStart(5)}        ${best.parse.toFixed(0).padStart(6)}`,
    );
  }
  print(`(meilleur de ${runs} passages ; CPU = temps processeur du processus, ramasse-miettes compris)`);
}

const cpuMs = (usage) => (usage.user + usage.system) / 1000;

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  await benchLint({ runs: Number(process.argv[2] ?? 3) });
