#!/usr/bin/env node
// `npm run bench [-- --smoke] [-- --max=N]`: install + build (every project, the benchmark's own
// code included), then run the benchmark: the server on one core, the load on the other.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './pnpm.mjs';
import { SetupError, setup } from './setup.mjs';
import { useNode24 } from './runtime.mjs';

await useNode24();

try {
  setup({ typecheck: true });
} catch (error) {
  console.error(`[bench] ${error instanceof SetupError ? error.message : error}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [path.join(root, 'test/dist/bench/bench.js'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
