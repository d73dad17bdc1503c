#!/usr/bin/env node
// `pnpm scenario <lint|graph|play|test> …`: the author's tools. This file only reads files, parses
// arguments and prints; the logic is in @ecoute/engine (packages/engine/src/tools/), run from its
// build (`npm run build`, or `npx tsc -b packages/engine`).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const scenariosDir = path.resolve(here, '..');
const engineDist = path.resolve(here, '../../packages/engine/dist/index.js');

const USAGE = `Utilisation : pnpm scenario <commande> …

  lint <fichiers…>                        vérifie des scénarios (.yaml) et leurs tests (.tests.yaml)
  graph <fichier> [--format mermaid|dot]  le graphe des états (Mermaid par défaut)
  play <fichier> [--seed n]               jouer l'appel dans le terminal, comme écoutant·e
  test [fichiers…] [--no-generated]       lancer les tests de parcours (par défaut : scenarios/*.tests.yaml)
  speech-eval [fichiers…] [--misses]      mesurer l'interprétation en parole libre sur les phrases étiquetées
                                          (par défaut : scenarios/speech/*.labels.yaml) : précision, confusions,
                                          phrases hors sujet (move: null) acceptées à tort
  bench-lint [--runs n]                   mesurer lint sur de grands scénarios générés (jusqu'à 1 Mo)

Exemples :
  pnpm scenario lint scenarios/*.yaml
  pnpm scenario graph scenarios/appel-entrainement.yaml --format dot | dot -Tsvg > appel.svg
  pnpm scenario play scenarios/appel-entrainement.yaml
  pnpm scenario test scenarios/appel-entrainement.tests.yaml`;

function fail(message, code = 2) {
  console.error(message);
  process.exit(code);
}

// Node 24 (fetched from the npm registry when the machine's node is older), then the engine's
// build when it is missing (installs the dependencies first on a fresh clone).
const { useNode24 } = await import('../../scripts/runtime.mjs');
await useNode24();
if (!existsSync(engineDist)) {
  const { SetupError, ensureInstalled, tscBuild } = await import('../../scripts/setup.mjs');
  try {
    ensureInstalled();
    tscBuild(['packages/engine']);
  } catch (error) {
    fail(`Le moteur n'a pas pu être construit : ${error instanceof SetupError ? error.message : error}`);
  }
}
const engine = await import(engineDist);

/** Reads a file, refusing what the engine would refuse anyway before reading it all. */
function read(file) {
  let size;
  try {
    size = statSync(file).size;
  } catch {
    return { error: `${file}:1:1  error  file/not_found  fichier introuvable` };
  }
  if (size > engine.SCENARIO_LIMITS.maxBytes) {
    return {
      error: `${file}:1:1  error  scenario/too_large  document trop volumineux (maximum ${engine.SCENARIO_LIMITS.maxBytes} octets)`,
    };
  }
  return { text: readFileSync(file, 'utf8') };
}

function option(args, name) {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}

const siblingScenario = (id, testsFile) => {
  const file = path.join(path.dirname(testsFile), `${id}.yaml`);
  const read_ = existsSync(file) ? read(file) : undefined;
  return read_?.text !== undefined ? { path: file, text: read_.text } : undefined;
};

function loadScenario(file) {
  const { text, error } = read(file);
  if (error) fail(error, 1);
  const parsed = engine.parseScenario(text);
  if (!parsed.ok) {
    for (const issue of engine.lintScenario(file, text).issues) console.error(engine.formatLintIssue(issue));
    process.exit(1);
  }
  return engine.compileScenario(parsed.scenario);
}

// ---------------------------------------------------------------------------------------------

function lint(args) {
  if (args.length === 0) fail('lint : donnez au moins un fichier.\n\n' + USAGE);
  const files = [];
  const issues = [];
  for (const file of args) {
    const { text, error } = read(file);
    if (error) issues.push(error);
    else files.push({ path: file, text });
  }
  const found = engine.lintFiles(files, siblingScenario);
  for (const line of issues) console.log(line);
  for (const issue of found) console.log(engine.formatLintIssue(issue));
  const errors = issues.length + found.filter((i) => i.severity === 'error').length;
  const warnings = found.filter((i) => i.severity === 'warning').length;
  console.error(`${files.length} fichier(s) : ${errors} erreur(s), ${warnings} avertissement(s)`);
  return errors > 0 ? 1 : 0;
}

function graph(args) {
  const format = option(args, '--format') ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot') fail('graph : --format mermaid ou --format dot');
  if (args.length !== 1) fail('graph : donnez un fichier de scénario.\n\n' + USAGE);
  const compiled = loadScenario(args[0]);
  process.stdout.write(engine.scenarioGraph(compiled.scenario, format));
  return 0;
}

async function play(args) {
  const seed = Number(option(args, '--seed') ?? 1);
  if (args.length !== 1) fail('play : donnez un fichier de scénario.\n\n' + USAGE);
  const session = new engine.TerminalPlay(loadScenario(args[0]), { seed });
  const print = (lines) => lines.forEach((l) => console.log(l));
  print(session.start());
  const interactive = process.stdin.isTTY === true;
  const rl = readline.createInterface({ input: process.stdin, terminal: interactive });
  if (interactive) {
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    if (!interactive && line.trim() !== '') console.log(`> ${line.trim()}`);
    const { lines, quit } = session.command(line);
    print(lines);
    if (quit) break;
    if (interactive) rl.prompt();
  }
  rl.close();
  return 0;
}

function test(args) {
  const skipGenerated = args.includes('--no-generated');
  const files = args.filter((a) => a !== '--no-generated');
  const targets = files.length
    ? files
    : readdirSync(scenariosDir)
        .filter((f) => f.endsWith('.tests.yaml'))
        .sort()
        .map((f) => path.join(scenariosDir, f));
  if (targets.length === 0) fail('test : aucun fichier de tests trouvé.');
  let failed = 0;
  for (const file of targets) {
    let testsFile;
    let scenarioFile;
    if (engine.isPlayThroughFile(file)) {
      testsFile = file;
      const { text, error } = read(file);
      if (error) {
        console.log(error);
        failed++;
        continue;
      }
      const parsed = engine.parsePlayThroughs(text);
      if (!parsed.ok) {
        for (const issue of engine.lintPlayThroughs(file, text, undefined))
          console.log(engine.formatLintIssue(issue));
        failed++;
        continue;
      }
      scenarioFile = path.join(path.dirname(file), `${parsed.file.scenario}.yaml`);
    } else {
      scenarioFile = file;
      const sibling = file.replace(/\.ya?ml$/, '.tests.yaml');
      testsFile = existsSync(sibling) ? sibling : undefined;
    }
    const compiled = loadScenario(scenarioFile);
    const tests = testsFile ? engine.parsePlayThroughs(read(testsFile).text) : undefined;
    if (tests && !tests.ok) {
      tests.errors.forEach((e) =>
        console.log(`${testsFile}:${e.line ?? 1}:${e.column ?? 1}  error  ${e.code}  ${e.message}`),
      );
      failed++;
      continue;
    }
    const started = performance.now();
    const report = engine.runScenarioTests(compiled, tests?.file, { skipGenerated });
    console.log(engine.formatTestReport(report));
    console.log(`  (${Math.round(performance.now() - started)} ms)\n`);
    if (!report.passed) failed++;
  }
  if (failed > 0) console.error(`${failed} scénario(s) en échec`);
  return failed > 0 ? 1 : 0;
}

function speechEval(args) {
  const misses = args.includes('--misses');
  const files = args.filter((a) => a !== '--misses');
  const dir = path.join(scenariosDir, 'speech');
  const targets = files.length
    ? files
    : readdirSync(dir)
        .filter((f) => f.endsWith('.labels.yaml'))
        .sort()
        .map((f) => path.join(dir, f));
  if (targets.length === 0) fail('speech-eval : aucun fichier de phrases étiquetées trouvé.');
  const parts = [];
  for (const file of targets) {
    const { text, error } = read(file);
    if (error) fail(error, 1);
    const loaded = engine.loadYaml(text);
    if (!loaded.ok) fail(`${file} : YAML illisible`, 1);
    const labels = engine.speechLabelsSchema.safeParse(loaded.loaded.value);
    if (!labels.success) fail(`${file} : ${labels.error.message}`, 1);
    const compiled = loadScenario(path.join(scenariosDir, `${labels.data.scenario}.yaml`));
    const started = performance.now();
    const evaluation = engine.evaluateSpeech(compiled, labels.data);
    const ms = performance.now() - started;
    const shown = misses ? evaluation : { ...evaluation, misses: [] };
    console.log(engine.formatSpeechReport(path.basename(file), shown));
    console.log(`  (${evaluation.total} phrases en ${ms.toFixed(0)} ms)\n`);
    parts.push(evaluation);
  }
  const all = engine.mergeEvaluations(parts);
  console.log(engine.formatSpeechReport('Ensemble', misses ? all : { ...all, misses: [] }));
  return all.errors.length > 0 ? 1 : 0;
}

async function benchLint(args) {
  const runs = Number(option(args, '--runs') ?? 3);
  const { benchLint: run } = await import('../../packages/engine/bench/lint.mjs');
  await run({ runs });
  return 0;
}

// ---------------------------------------------------------------------------------------------

const [command, ...args] = process.argv.slice(2);
const commands = { lint, graph, play, test, 'speech-eval': speechEval, 'bench-lint': benchLint };
if (!command || command === 'aide' || command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}
if (!(command in commands)) fail(`Commande inconnue : « ${command} ».\n\n${USAGE}`);
process.exitCode = await commands[command](args);
