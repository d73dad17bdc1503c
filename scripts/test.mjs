#!/usr/bin/env node
// `npm test`: system packages, install + build (with a typecheck of every project and the client
// build the browser tests need), then one Jest run over all projects. Extra arguments go to Jest
// (`npm test -- --selectProjects engine`). Ends with the line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './pnpm.mjs';
import { SetupError, setup } from './setup.mjs';
import { ensureSystemPackages } from './system.mjs';
import { useNode24 } from './runtime.mjs';

function finish(passed, failed, status) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(status);
}

/** Counts from Jest's `--json` output; suites that failed to run count as failures. */
export function summarize(report) {
  const passed = report.numPassedTests ?? 0;
  const failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  const total = report.numTotalTests ?? passed + failed;
  return { passed, failed, ok: failed === 0 && total > 0 && report.success !== false };
}

function main() {
  if (!ensureSystemPackages()) finish(0, 1, 1);

  try {
    setup({ typecheck: true });
  } catch (error) {
    console.error(`[test] ${error instanceof SetupError ? error.message : error}`);
    finish(0, 1, 1);
  }

  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecoute-jest-'));
  const outputFile = path.join(dir, 'jest.json');
  const nodeOptions = [
    process.env.NODE_OPTIONS,
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
  ]
    .filter(Boolean)
    .join(' ');
  const jest = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      path.join(root, 'node_modules/jest/bin/jest.js'),
      '--ci',
      '--json',
      `--outputFile=${outputFile}`,
      ...process.argv.slice(2),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: nodeOptions } },
  );

  let report;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    report = undefined;
  }
  rmSync(dir, { recursive: true, force: true });
  if (!report) {
    console.error(
      `[test] Jest wrote no report (exit ${jest.status ?? jest.signal}): it failed before running tests`,
    );
    finish(0, 1, 1);
  }
  const { passed, failed, ok } = summarize(report);
  if (passed + failed === 0) console.error('[test] no test ran');
  finish(passed, failed, ok && jest.status === 0 ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await useNode24();
  main();
}
