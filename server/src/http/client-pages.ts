// index.html as a path needs it. Every path gets the single-page app but a debrief link, which
// gets the debrief's own entry (`debrief.html`: the debrief page alone, without the other pages,
// socket.io-client, with one catalogue: its language's; Vite names its chunks and stylesheets in its head)
// when the build has it. A debrief link's page also gets, before its first script, the small
// script that starts the debrief's request and its catalogue (`async`: it runs as soon as it
// arrived, while the page's own chunks still load). (Named in the whole app's index.html, the
// debrief's chunks and stylesheets made the first paint slower: they competed with that entry's
// download and evaluation, and stylesheets came before the shared one.) The name comes from the
// build's manifest (Vite's `.vite/manifest.json`); without one, every path gets the plain file.
// Scripts only from files of this origin: the CSP (`script-src 'self'`) stays as strict.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One chunk of Vite's build manifest (the hints read its `file`). */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
export type BuildManifest = Record<string, ManifestChunk>;

/**
 * The pages that get hints: their path, the script that starts their data and, when the build
 * has it, their own HTML (an entry of their own: `debrief.html` loads the debrief page alone, not
 * the whole app; without it, `index.html`).
 */
export const HINTED_PAGES: readonly { path: RegExp; early: string; html: string }[] = [
  { path: /^\/debrief\/[^/]+\/?$/, early: 'src/debrief/prefetchEntry.ts', html: 'debrief.html' },
];

// A built file's name: nothing that could close the attribute it is written in.
const SAFE_FILE = /^[\w./-]+$/;

/** The <head> tags of one page: its early script. */
export function pageHints(manifest: BuildManifest, early: string): string[] {
  const file = manifest[early]?.file;
  return file && SAFE_FILE.test(file)
    ? [`<script type="module" async crossorigin src="/${file}"></script>`]
    : [];
}

/** index.html with these tags before its first script (or at the end of its <head>). */
export function withHints(html: string, tags: readonly string[]): string {
  if (tags.length === 0) return html;
  const at = html.indexOf('<script');
  const head = html.indexOf('</head>');
  const where = at >= 0 && (head < 0 || at < head) ? at : head;
  if (where < 0) return html;
  return `${html.slice(0, where)}${tags.join('\n    ')}\n    ${html.slice(where)}`;
}

/**
 * The HTML of each hinted page, prepared once from the built client; `htmlFor(path)` is null for
 * any other path (the plain index.html is sent) or when the build has no manifest.
 */
export function clientPages(clientDir: string): { htmlFor(requestPath: string): string | null } {
  const manifestFile = path.join(clientDir, '.vite', 'manifest.json');
  const indexFile = path.join(clientDir, 'index.html');
  if (!existsSync(manifestFile) || !existsSync(indexFile)) return { htmlFor: () => null };
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BuildManifest;
  } catch {
    return { htmlFor: () => null };
  }
  const index = readFileSync(indexFile, 'utf8');
  const pages = HINTED_PAGES.map((p) => {
    const own = path.join(clientDir, p.html);
    const html = existsSync(own) ? readFileSync(own, 'utf8') : index;
    return { path: p.path, html: withHints(html, pageHints(manifest, p.early)) };
  });
  return { htmlFor: (requestPath) => pages.find((p) => p.path.test(requestPath))?.html ?? null };
}
