import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isUniqueViolation } from './unique-violation.js';

describe('isUniqueViolation', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecoute-unique-'));
  const db = new Database(path.join(dir, 'test.sqlite'));
  db.exec('CREATE TABLE calls (id TEXT PRIMARY KEY, title TEXT UNIQUE, size INTEGER NOT NULL)');
  db.prepare('INSERT INTO calls VALUES (?, ?, ?)').run('a', 'A', 1);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refusal = (sql: string, ...values: unknown[]): unknown => {
    try {
      db.prepare(sql).run(...values);
    } catch (error) {
      return error;
    }
    throw new Error('the statement was not refused');
  };

  it('recognises a primary key and a unique index refused by SQLite', () => {
    expect(isUniqueViolation(refusal('INSERT INTO calls VALUES (?, ?, ?)', 'a', 'B', 1))).toBe(true);
    expect(isUniqueViolation(refusal('INSERT INTO calls VALUES (?, ?, ?)', 'b', 'A', 1))).toBe(true);
  });

  it('leaves every other error to the caller', () => {
    expect(isUniqueViolation(refusal('INSERT INTO calls VALUES (?, ?, ?)', 'c', 'C', null))).toBe(false);
    expect(isUniqueViolation(refusal('INSERT INTO nowhere VALUES (1)'))).toBe(false);
    expect(isUniqueViolation(new Error('network'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
