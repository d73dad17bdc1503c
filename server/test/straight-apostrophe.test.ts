// The server's French texts for people use one apostrophe, the straight one ('), as the UI
// catalogues (client/src/i18n/catalogue.test.ts) and the scenarios do: a typographic one (U+2019)
// beside it reads as two spellings on the same page. A refusal's message is the protocol's
// (`errorMessages`, by code) or one the server writes with `failure(code, message)` where it
// knows more (a badge picture's reason, a field's issue): those are string literals of
// server/src, read here as TypeScript parses them (comments aside). The OpenAPI
// document is checked as served, in openapi.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { errorMessages } from '@ecoute/protocol';

const CURLY = '\u2019';
const sourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

/** The server's source files, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** Every string and template text of a file, with its line (comments and regular expressions aside). */
function literals(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

describe('the straight apostrophe', () => {
  it('in every refusal message of the protocol', () => {
    const curly = Object.entries(errorMessages).filter(([, message]) => message.includes(CURLY));
    expect(curly).toEqual([]);
  });

  it('in every text the server writes (refusal messages, route descriptions, metrics help)', () => {
    const files = sources(sourceDir);
    expect(files.length).toBeGreaterThan(50);
    const curly = files.flatMap((file) =>
      literals(file)
        .filter(({ text }) => text.includes(CURLY))
        .map(({ line, text }) => `${path.relative(sourceDir, file)}:${line}: ${text}`),
    );
    expect(curly).toEqual([]);
  });

  it('reads the texts of templates, not comments', () => {
    const file = path.join(sourceDir, 'badges/badge-image-upload.ts');
    const texts = literals(file).map(({ text }) => text);
    expect(texts).toContain('Image du badge refusée : ');
    expect(texts.some((text) => text.includes('il en faut au moins '))).toBe(true);
    expect(texts.some((text) => text.includes('checked before it is kept'))).toBe(false);
  });
});
