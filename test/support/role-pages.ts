// Helpers for browser tests of the role pages: join under a display name, and run axe-core in
// the page (its source injected from node_modules, nothing fetched).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The join form every role page opens with: a name (a pseudonym is fine), then « Rejoindre ». */
export async function joinSession(page: Page, name: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).fill(name);
  await page.getByRole('button', { name: 'Rejoindre la séance' }).click();
  // A name's closing dots give way to the sentence's full stop (« Vous : Lucie M. »).
  await page.getByText(`Vous : ${name.replace(/[.…]+$/u, '') || name}.`).waitFor();
}

/**
 * A trainer's console opened in a signed-in browser: it joins under the account's name
 * (`name`), with no name asked — the page says « Vous : <name>. » and has no name field.
 */
export async function joinedByAccount(page: Page, name: string): Promise<void> {
  await page.getByText(`Vous : ${name}.`).waitFor();
  const asked = await page.getByRole('textbox', { name: 'Votre prénom ou un pseudonyme' }).count();
  if (asked !== 0) throw new Error(`${page.url()}: a signed-in trainer was asked a name`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Waits until the page's finite animations (a cue fading in, a panel sliding open) have ended:
 * axe reads colours as they are at that instant, and text halfway through a fade-in reads as
 * too faint. Endless ones (a ringing phone's pulse) are not waited for.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    // A paused one would never finish: a few seconds at most.
    await Promise.race([
      Promise.all(finite.map((animation) => animation.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 3_000)),
    ]);
  });
}

/** The serious and critical accessibility violations axe-core finds in the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, not a <script> tag: the page's CSP forbids inline scripts.
  if (!loaded) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  await animationsSettled(page);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: {
              id: string;
              impact?: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** The tags the accessibility test holds every page to: WCAG 2.1 A and AA, and best practices. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

/** Every violation axe-core finds in the page for `tags`, whatever its impact. */
export async function axeViolations(
  page: Page,
  tags: readonly string[] = WCAG_TAGS,
): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  await animationsSettled(page);
  return page.evaluate(
    async (runOnly: string[]) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{
              violations: {
                id: string;
                impact?: string | null;
                help: string;
                nodes: { target: unknown[] }[];
              }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: runOnly },
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
    },
    [...tags],
  );
}

/** The WCAG 1.4.12 text-spacing bookmarklet's rules, injected into the page. */
export const TEXT_SPACING_CSS =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/** What a page shows at one size: its serious axe violations and how far it scrolls sideways. */
export interface PageAtSize {
  name: string;
  size: string;
  axe: AxeViolation[];
  overflow: number;
}

/**
 * The page at each size in turn (`[label, viewport]`): its serious axe violations, its sideways
 * scroll (0 when none) and a full-page screenshot at `shot(label)`. The viewport is left at the
 * last size. A test expects every entry `{ axe: [], overflow: 0 }`.
 */
export async function pageAtSizes(
  page: Page,
  name: string,
  sizes: readonly (readonly [string, { width: number; height: number }])[],
  shot: (size: string) => string,
): Promise<PageAtSize[]> {
  const seen: PageAtSize[] = [];
  for (const [size, viewport] of sizes) {
    await page.setViewportSize(viewport);
    const axe = await seriousAxeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    seen.push({ name, size, axe, overflow: Math.max(overflow, 0) });
    await page.screenshot({ path: shot(size), fullPage: true });
  }
  return seen;
}
