import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { clientPages, pageHints, withHints, type BuildManifest } from './client-pages.js';

// The shape of Vite's manifest for the debrief: its chunk imports the app's entry, two shared
// chunks (one of them also imported by the early script) and has a stylesheet.
const manifest: BuildManifest = {
  'index.html': { file: 'assets/index-A1.js', isEntry: true, imports: ['_prefetch-P1.js'] },
  'src/debrief/prefetchEntry.ts': {
    file: 'assets/debriefPrefetch-E1.js',
    isEntry: true,
    imports: ['_prefetch-P1.js'],
  },
  'src/debrief/DebriefPage.tsx': {
    file: 'assets/DebriefPage-D1.js',
    imports: ['index.html', '_prefetch-P1.js', '_charts-C1.js'],
    css: ['assets/DebriefPage-D1.css'],
  },
  '_prefetch-P1.js': { file: 'assets/prefetch-P1.js' },
  '_charts-C1.js': {
    file: 'assets/charts-C1.js',
    imports: ['index.html', '_prefetch-P1.js'],
    css: ['assets/charts-C1.css'],
  },
};

const INDEX = `<!doctype html>
<html lang="fr">
  <head>
    <title>Écoute</title>
    <script type="module" crossorigin src="/assets/index-A1.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;

describe('pageHints: what a debrief link needs first', () => {
  it("names the early script only: not the page's chunks nor its stylesheets (they slowed the first paint)", () => {
    expect(pageHints(manifest, 'src/debrief/prefetchEntry.ts')).toEqual([
      '<script type="module" async crossorigin src="/assets/debriefPrefetch-E1.js"></script>',
    ]);
  });

  it('writes no name that could leave its attribute, and nothing for a page the build lacks', () => {
    const hostile: BuildManifest = { page: { file: 'assets/x.js"><script>alert(1)</script>' } };
    expect(pageHints(hostile, 'page')).toEqual([]);
    expect(pageHints(manifest, 'src/missing.tsx')).toEqual([]);
  });

  it('puts the tags before the first script, so the early one is asked first', () => {
    const html = withHints(INDEX, ['<script type="module" async src="/early.js"></script>']);
    expect(html.indexOf('/early.js')).toBeLessThan(html.indexOf('/assets/index-A1.js'));
    expect(html.indexOf('/early.js')).toBeGreaterThan(html.indexOf('<head>'));
    expect(withHints(INDEX, [])).toBe(INDEX);
  });
});

describe('clientPages: the HTML per path, from the built client', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('hints a debrief link only; other paths get the plain file', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ecoute-client-'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    mkdirSync(path.join(dir, '.vite'));
    writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
    const pages = clientPages(dir);
    const debrief = pages.htmlFor('/debrief/abc123');
    expect(debrief).toContain('src="/assets/debriefPrefetch-E1.js"');
    expect(debrief).not.toContain('DebriefPage-D1');
    expect(debrief).toContain('src="/assets/index-A1.js"');
    expect(pages.htmlFor('/debrief/abc123/')).toBe(debrief);
    expect(pages.htmlFor('/trainer/abc123')).toBeNull();
    expect(pages.htmlFor('/debrief/abc/extra')).toBeNull();
  });

  it("sends a debrief link the debrief's own entry when the build has it, with the early script", () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ecoute-client-'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(
      path.join(dir, 'debrief.html'),
      INDEX.replace('/assets/index-A1.js', '/assets/debrief-B1.js'),
    );
    mkdirSync(path.join(dir, '.vite'));
    writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
    const pages = clientPages(dir);
    const debrief = pages.htmlFor('/debrief/abc123') ?? '';
    expect(debrief).toContain('src="/assets/debrief-B1.js"');
    expect(debrief).not.toContain('/assets/index-A1.js');
    expect(debrief.indexOf('/assets/debriefPrefetch-E1.js')).toBeLessThan(
      debrief.indexOf('/assets/debrief-B1.js'),
    );
    expect(debrief.indexOf('/assets/debriefPrefetch-E1.js')).toBeGreaterThan(0);
    expect(pages.htmlFor('/trainer/abc123')).toBeNull();
  });

  it('without a manifest (an older build), no path is hinted', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ecoute-client-'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    expect(clientPages(dir).htmlFor('/debrief/abc123')).toBeNull();
  });
});
