// What the yamlEdit tests share: the library's call files (every edit is held against each of
// them) and the lines an edit changed. Test-only: nothing in the app imports it.
import { readFileSync, readdirSync } from 'node:fs';
import { diffLines } from 'diff';

const dir = new URL('../../../../scenarios/', import.meta.url);

/** The call files of `scenarios/` (not their play-through tests), by name. */
export const libraryFiles = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.tests.yaml'));

/** A call file's text. */
export const readLibraryFile = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

/** The lines an edit changed: removed (-) and added (+), trimmed. */
export function changed(before: string, after: string): string[] {
  return diffLines(before, after)
    .filter((part) => part.added || part.removed)
    .flatMap((part) =>
      part.value
        .split('\n')
        .filter(Boolean)
        .map((line) => `${part.added ? '+' : '-'}${line.trim()}`),
    );
}
