// The scenarios a session can be created from: every `*.yaml` of the scenarios folder, parsed
// and compiled once at boot. A file that fails is logged with its code and left out; the
// others still serve.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { compileScenario, parseScenario } from '@ecoute/engine';
import type { CompiledScenario } from '@ecoute/engine';
import type { ScenarioSummary } from '@ecoute/protocol';

export class ScenarioCatalog {
  private readonly byKey = new Map<string, CompiledScenario>();
  private readonly latest = new Map<string, CompiledScenario>();

  constructor(compiled: Iterable<CompiledScenario>) {
    for (const c of compiled) {
      const { id, version } = c.scenario;
      this.byKey.set(`${id}@${version}`, c);
      const current = this.latest.get(id);
      if (!current || current.scenario.version < version) this.latest.set(id, c);
    }
  }

  static loadFromDirectory(dir: string, logger = new Logger('ScenarioCatalog')): ScenarioCatalog {
    const compiled: CompiledScenario[] = [];
    // Play-through tests (`<id>.tests.yaml`) sit next to their scenario: not scenarios themselves.
    const files = readdirSync(dir).filter(
      (f) => (f.endsWith('.yaml') || f.endsWith('.yml')) && !/\.tests\.ya?ml$/.test(f),
    );
    for (const file of files.sort()) {
      const full = path.join(dir, file);
      const parsed = parseScenario(readFileSync(full, 'utf8'), file);
      if (!parsed.ok) {
        for (const e of parsed.errors) {
          logger.error(`${e.code} ${file}${e.line ? `:${e.line}:${e.column ?? 0}` : ''} ${e.message}`);
        }
        continue;
      }
      try {
        compiled.push(compileScenario(parsed.scenario));
      } catch (error) {
        logger.error(`scenario/compile ${file} ${(error as Error).message}`);
      }
    }
    logger.log(`${compiled.length} scénario(s) chargé(s) depuis ${dir}`);
    return new ScenarioCatalog(compiled);
  }

  get(id: string, version?: number): CompiledScenario | undefined {
    return version === undefined ? this.latest.get(id) : this.byKey.get(`${id}@${version}`);
  }

  list(): ScenarioSummary[] {
    return [...this.latest.values()]
      .map(({ scenario: s }) => ({
        id: s.id,
        version: s.version,
        title: s.title,
        summary: s.summary,
        difficulty: s.difficulty,
        durationMinutes: s.durationMinutes,
      }))
      .sort((a, b) => a.title.localeCompare(b.title, 'fr'));
  }
}
