// How much JavaScript the listener's console loads, gzipped: every script Chromium fetches while
// opening a listener link, joining and picking up (lazy chunks included if the route pulled
// any). Not a test: it prints the figures.
//
//   npx tsc -b test && node test/dist/bench/listener-bundle.js
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../support/browser.js';
import { joinSession } from '../support/role-pages.js';
import { startServerProcess } from '../support/server-process.js';
import { signedInTrainer } from '../support/accounts.js';

async function main(): Promise<void> {
  const server = await startServerProcess({ LOG_LEVEL: 'error' });
  const browser = await launchChromium();
  try {
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(await signedInTrainer(server)) },
      body: JSON.stringify({ scenarioId: 'detresse-suicidaire' }),
    });
    const { links } = (await created.json()) as { links: Record<string, string> };
    const page = await browser.newPage({ locale: 'fr-FR' });
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      const url = response.url();
      if (url.endsWith('.js') && !scripts.has(url)) scripts.set(url, response.body());
    });
    await page.goto(`${server.url}${links.listener}`);
    await joinSession(page, 'Mesure');
    await page.getByRole('button', { name: 'Décrocher', exact: true }).click();
    await page.getByRole('button', { name: 'Raccrocher', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    let raw = 0;
    let gzipped = 0;
    console.log('Listener console, scripts loaded:');
    for (const [url, body] of scripts) {
      const bytes = await body;
      const zipped = gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      gzipped += zipped;
      console.log(
        `  ${new URL(url).pathname}  ${(bytes.length / 1024).toFixed(1)} kB, gzip ${(zipped / 1024).toFixed(1)} kB`,
      );
    }
    console.log(`  total ${(raw / 1024).toFixed(1)} kB, gzip ${(gzipped / 1024).toFixed(1)} kB`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
