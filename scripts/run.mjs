#!/usr/bin/env node
// Other root scripts: `node scripts/run.mjs <build|typecheck|lint|format> [extra args]`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './pnpm.mjs';
import { SetupError, buildClient, ensureInstalled, setup, tscBuild, typecheckProjects } from './setup.mjs';
import { useNode24 } from './runtime.mjs';

await useNode24();

const [task, ...extra] = process.argv.slice(2);

function tool(relative, args) {
  const result = spawnSync(process.execPath, [path.join(root, relative), ...args, ...extra], {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

const tasks = {
  build: () => {
    setup();
    buildClient({ force: extra.includes('--force') });
    return 0;
  },
  typecheck: () => {
    ensureInstalled();
    tscBuild(typecheckProjects);
    console.log('[typecheck] ok');
    return 0;
  },
  lint: () => {
    ensureInstalled();
    return tool('node_modules/eslint/bin/eslint.js', ['.']);
  },
  format: () => {
    ensureInstalled();
    return tool('node_modules/prettier/bin/prettier.cjs', ['--write', '.']);
  },
};

const run = tasks[task];
if (!run) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(tasks).join('|')}> [args]`);
  process.exit(2);
}
try {
  process.exit(run());
} catch (error) {
  console.error(`[${task}] ${error instanceof SetupError ? error.message : error}`);
  process.exit(1);
}
