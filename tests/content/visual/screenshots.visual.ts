/**
 * Real screenshots of every fixture page with the built extension loaded in headless Chromium,
 * served at the platforms' real addresses. Not a unit test (no .test. in the name): run with
 *   SHOUYUE_OUT_DIR=/tmp/h2out npx wxt build && npx tsx tests/content/visual/screenshots.visual.ts [outDir]
 * The PNGs are for looking at; keep them out of git.
 */
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { FIXTURE_PAGES } from '../../fixtures/pages';

const ext = resolve(process.env.SHOUYUE_OUT_DIR ?? '.output', 'chrome-mv3');
const out = resolve(process.argv[2] ?? '/tmp/h2shots');
mkdirSync(out, { recursive: true });

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'shouyue-shots-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1000 },
  args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  console.log('extension', new URL(worker.url()).host);
  const variants = [
    { name: 'list', opts: {} },
    { name: 'broken', opts: { broken: true } },
  ];
  for (const entry of FIXTURE_PAGES) {
    for (const variant of variants) {
      const f = entry.fixture({ now: Date.now(), pageSize: 20, ...variant.opts });
      await context.unroute('**/*');
      for (const host of entry.hosts) await context.route(host, (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: f.html }));
      const page = await context.newPage();
      try {
      page.on('console', (m) => m.type() === 'warning' || m.type() === 'error' ? console.log(`[${entry.platform}] ${m.text()}`) : undefined);
      await page.goto(entry.url);
      await page.locator('shouyue-badge').first().waitFor({ state: 'attached', timeout: 30_000 });
      await page.waitForFunction(() => [...document.querySelectorAll('shouyue-badge')].every((b) => !b.shadowRoot?.querySelector('button.s-waiting')), null, { timeout: 5_000 }).catch(() => console.log(`[${entry.platform}] badges still waiting`));
      const texts = await page.locator('shouyue-badge button').allTextContents();
      console.log(`${entry.platform}/${variant.name}: ${texts.length} badges:`, texts.join(' | '));
      await page.screenshot({ path: join(out, `${entry.platform}-${variant.name}.png`), fullPage: true });
      const target = variant.name === 'list' ? 'shouyue-badge button' : 'shouyue-badge button.s-unreadable';
      if (entry.platform === 'douyin' || variant.name === 'list') {
        await page.locator(target).first().hover();
        await page.waitForTimeout(200);
        await page.screenshot({ path: join(out, `${entry.platform}-${variant.name}-popover.png`) });
      }
      } catch (e) {
        console.log(`${entry.platform}/${variant.name}: FAILED`, e instanceof Error ? e.message.split('\n')[0] : e);
      } finally {
        await page.close();
      }
    }
  }
} finally {
  await context.close();
}
