// The scenarios a session can be created from: every `*.yaml` of the scenarios folder, parsed
// and compiled once at boot (a file that fails is logged with its code and left out; the
// others still serve), merged with the organisations' published versions from the library
// (server/src/studio adds them at boot and on each publication). Built-ins are public; an
// organisation's calls are listed to and startable by that organisation only. A retired version stays
// readable by the sessions that played it, but is no longer the one a new session gets; so do the
// built-ins' earlier versions (`scenarios/versions/<id>.v<N>.yaml`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { compileScenario, parseScenario, speechExampleCount } from '@ecoute/engine';
import type { CompiledScenario } from '@ecoute/engine';
import type { ScenarioSummary } from '@ecoute/protocol';

export class ScenarioCatalog {
  private readonly byKey = new Map<string, CompiledScenario>();
  private readonly latest = new Map<string, CompiledScenario>();
  /** The built-in files' text, by id (the studio shows it read-only and duplicates it). */
  private readonly builtInTexts = new Map<string, string>();
  /** The organisation of each library call (built-ins have none). */
  private readonly owners = new Map<string, string>();
  private readonly retired = new Set<string>();

  constructor(compiled: Iterable<CompiledScenario>, texts: ReadonlyMap<string, string> = new Map()) {
    for (const c of compiled) this.put(c);
    for (const [id, text] of texts) this.builtInTexts.set(id, text);
  }

  private put(c: CompiledScenario): void {
    const { id, version } = c.scenario;
    this.byKey.set(`${id}@${version}`, c);
    if (this.retired.has(`${id}@${version}`)) return;
    const current = this.latest.get(id);
    if (!current || current.scenario.version < version) this.latest.set(id, c);
  }

  /** A published version of an organisation's call (the library calls this at boot and on publish). */
  addPublished(compiled: CompiledScenario, organizationId: string): void {
    this.owners.set(compiled.scenario.id, organizationId);
    this.put(compiled);
  }

  /** A retired version: kept for the sessions that played it; the newest other one becomes current. */
  retire(id: string, version: number): void {
    this.retired.add(`${id}@${version}`);
    if (this.latest.get(id)?.scenario.version !== version) return;
    this.latest.delete(id);
    for (const [key, c] of this.byKey)
      if (c.scenario.id === id && !this.retired.has(key)) {
        const current = this.latest.get(id);
        if (!current || current.scenario.version < c.scenario.version) this.latest.set(id, c);
      }
  }

  isBuiltIn(id: string): boolean {
    return this.builtInTexts.has(id) || (this.latest.has(id) && !this.owners.has(id));
  }

  builtInText(id: string): string | undefined {
    return this.builtInTexts.get(id);
  }

  /** The organisation that owns a library call; undefined for a built-in. */
  organizationOf(id: string): string | undefined {
    return this.owners.get(id);
  }

  /** Whether a member of `organizationId` (none: a test or script) may start a session of `id`. */
  startableBy(id: string, organizationId: string | undefined): boolean {
    const owner = this.owners.get(id);
    return owner === undefined || owner === organizationId;
  }

  /** The current published versions of an organisation's library calls. */
  publishedBy(organizationId: string): CompiledScenario[] {
    return [...this.latest.values()].filter((c) => this.owners.get(c.scenario.id) === organizationId);
  }

  static loadFromDirectory(dir: string, logger = new Logger('ScenarioCatalog')): ScenarioCatalog {
    const compiled: CompiledScenario[] = [];
    const texts = new Map<string, string>();
    // Play-through tests (`<id>.tests.yaml`) sit next to their scenario: not scenarios themselves.
    const files = readdirSync(dir).filter(
      (f) => (f.endsWith('.yaml') || f.endsWith('.yml')) && !/\.tests\.ya?ml$/.test(f),
    );
    for (const file of files.sort()) {
      const scenario = compileFile(dir, file, logger);
      if (!scenario) continue;
      compiled.push(scenario.compiled);
      texts.set(scenario.compiled.scenario.id, scenario.text);
    }
    const older = olderBuiltInVersions(dir, compiled, logger);
    logger.log(
      `${compiled.length} scénario(s) chargé(s) depuis ${dir}` +
        (older.length > 0 ? ` (et ${older.length} version(s) antérieure(s))` : ''),
    );
    return new ScenarioCatalog([...older, ...compiled], texts);
  }

  get(id: string, version?: number): CompiledScenario | undefined {
    return version === undefined ? this.latest.get(id) : this.byKey.get(`${id}@${version}`);
  }

  /**
   * The calls a new session may start from: the built-ins (public) and, for a member of
   * `organizationId`, that organisation's published calls (their current version; a call whose
   * versions are all retired is not offered). Never another organisation's.
   */
  list(organizationId?: string): ScenarioSummary[] {
    return [...this.latest.values()]
      .filter(({ scenario }) => this.startableBy(scenario.id, organizationId))
      .map(({ scenario: s }) => ({
        id: s.id,
        version: s.version,
        title: s.title,
        summary: s.summary,
        difficulty: s.difficulty,
        durationMinutes: s.durationMinutes,
        speechExamples: speechExampleCount(s.moves),
      }))
      .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  }
}

/** A scenario file parsed and compiled, or undefined (its errors logged with their code). */
function compileFile(
  dir: string,
  file: string,
  logger: Logger,
): { compiled: CompiledScenario; text: string } | undefined {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const parsed = parseScenario(text, file);
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      logger.error(`${e.code} ${file}${e.line ? `:${e.line}:${e.column ?? 0}` : ''} ${e.message}`);
    }
    return undefined;
  }
  try {
    return { compiled: compileScenario(parsed.scenario), text };
  } catch (error) {
    logger.error(`scenario/compile ${file} ${(error as Error).message}`);
    return undefined;
  }
}

/** `versions/<id>.v<N>.yaml`: an earlier published version of a built-in call. */
const OLDER_VERSION_FILE = /^(.+)\.v(\d+)\.ya?ml$/;

/**
 * The earlier versions of the built-in calls (`<dir>/versions/<id>.v<N>.yaml`): a published
 * version never changes, so when a built-in file gets a new version its previous text moves
 * there, and the sessions recorded on it still replay, score and show with the words they had.
 * Such a file must declare the id and version its name says, below the current file's version;
 * otherwise it is left out with `scenario/version_file`. Never listed, never the current one.
 */
function olderBuiltInVersions(
  dir: string,
  current: readonly CompiledScenario[],
  logger: Logger,
): CompiledScenario[] {
  const versionsDir = path.join(dir, 'versions');
  if (!existsSync(versionsDir)) return [];
  const currentVersion = new Map(current.map((c) => [c.scenario.id, c.scenario.version]));
  const older: CompiledScenario[] = [];
  for (const file of readdirSync(versionsDir).sort()) {
    const name = OLDER_VERSION_FILE.exec(file);
    if (!name) continue;
    const scenario = compileFile(versionsDir, file, logger);
    if (!scenario) continue;
    const { id, version } = scenario.compiled.scenario;
    const newest = currentVersion.get(id);
    if (id !== name[1] || version !== Number(name[2]) || newest === undefined || version >= newest) {
      logger.error(
        `scenario/version_file versions/${file} déclare ${id} version ${version} : ` +
          `attendu ${name[1]} version ${name[2]}, antérieure à la version courante (${newest ?? 'aucune'})`,
      );
      continue;
    }
    older.push(scenario.compiled);
  }
  return older;
}
