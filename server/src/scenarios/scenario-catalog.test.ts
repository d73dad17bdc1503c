import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { compileScenario, parseScenario, withScenarioIdentity } from '@ecoute/engine';
import { findWorkspaceRoot } from '../config/env.js';
import { ScenarioCatalog } from './scenario-catalog.js';

class RecordingLogger extends Logger {
  readonly errors: string[] = [];
  override error(message: unknown): void {
    this.errors.push(String(message));
  }
  override log(): void {}
}

describe('ScenarioCatalog', () => {
  it('loads every library scenario, and not the play-through tests beside them, without an error', () => {
    const logger = new RecordingLogger('test');
    const catalog = ScenarioCatalog.loadFromDirectory(path.join(findWorkspaceRoot(), 'scenarios'), logger);
    expect(logger.errors).toEqual([]);
    expect(
      catalog
        .list()
        .map((s) => s.id)
        .sort(),
    ).toEqual([
      'appel-entrainement',
      'detresse-suicidaire',
      'etudiante-crous',
      'hameconnage-carte-vitale',
      'proche-aidant-mere',
      'renouvellement-mutuelle',
      'titre-sejour-portail',
      'violence-conjugale-numerique',
    ]);
  });

  it("merges an organisation's published versions: startable by it only, not public, retired falls back", () => {
    const dir = path.join(findWorkspaceRoot(), 'scenarios');
    const catalog = ScenarioCatalog.loadFromDirectory(dir, new RecordingLogger('test'));
    const text = readFileSync(path.join(dir, 'appel-entrainement.yaml'), 'utf8');
    const version = (n: number) => {
      const parsed = parseScenario(withScenarioIdentity(text, 'appel-maison', n)!);
      if (!parsed.ok) throw new Error('unparsable');
      return compileScenario(parsed.scenario);
    };
    catalog.addPublished(version(1), 'org-a');
    catalog.addPublished(version(2), 'org-a');
    expect(catalog.get('appel-maison')!.scenario.version).toBe(2);
    expect(catalog.startableBy('appel-maison', 'org-a')).toBe(true);
    expect(catalog.startableBy('appel-maison', 'org-b')).toBe(false);
    expect(catalog.startableBy('appel-entrainement', 'org-b')).toBe(true);
    expect(catalog.list().some((s) => s.id === 'appel-maison')).toBe(false);
    expect(catalog.list('org-a').find((s) => s.id === 'appel-maison')).toMatchObject({ version: 2 });
    expect(catalog.list('org-a').some((s) => s.id === 'appel-entrainement')).toBe(true);
    expect(catalog.list('org-b').some((s) => s.id === 'appel-maison')).toBe(false);
    expect(catalog.isBuiltIn('appel-maison')).toBe(false);
    expect(catalog.builtInText('appel-entrainement')).toBe(text);
    catalog.retire('appel-maison', 2);
    expect(catalog.get('appel-maison')!.scenario.version).toBe(1);
    // A session that played version 2 still finds it.
    expect(catalog.get('appel-maison', 2)!.scenario.version).toBe(2);
    expect(catalog.list('org-a').find((s) => s.id === 'appel-maison')).toMatchObject({ version: 1 });
    // Every version retired: no longer offered.
    catalog.retire('appel-maison', 1);
    expect(catalog.list('org-a').some((s) => s.id === 'appel-maison')).toBe(false);
  });
});
