import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
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
});
