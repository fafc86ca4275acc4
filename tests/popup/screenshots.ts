/**
 * Screenshots of the popup and options page in real headless Chromium with the built extension:
 *   SHOUYUE_OUT_DIR=/tmp/h3out npx wxt build && npx tsx tests/popup/screenshots.ts /tmp/h3out/chrome-mv3 /tmp/shots
 * Seeds storage from the popup page, then shoots zh and en, first-run and error-free states.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchWithExtension, openPopup } from '../e2e/harness/chromium';
import { seedStorage } from './seed';

const [extensionDir = '.output/chrome-mv3', outDir = '/tmp/shots'] = process.argv.slice(2);

async function main() {
  await mkdir(outDir, { recursive: true });
  const session = await launchWithExtension({ extensionDir: resolve(extensionDir) });
  try {
    const worker = await session.worker();
    const shoot = async (name: string, lang: 'zh' | 'en', seed: boolean) => {
      const popup = await openPopup(session);
      // Seeded from an extension page, then the worker told to read storage again (it keeps what it read).
      await popup.evaluate(
        async ({ data, lang }) => {
          await chrome.storage.local.clear();
          await chrome.storage.local.set({ ...data, settings: { lang } });
          await chrome.runtime.sendMessage({ type: 'settings-changed' });
        },
        { data: seed ? seedStorage(Date.now()) : {}, lang },
      );
      await popup.reload();
      await popup.waitForSelector('.header');
      await popup.waitForTimeout(600);
      await popup.screenshot({ path: `${outDir}/popup-${name}.png` });
      if (seed) {
        await popup.evaluate(() => document.querySelector('main')?.scrollTo(0, 10_000));
        await popup.screenshot({ path: `${outDir}/popup-${name}-scrolled.png` });
      }
      if (seed) {
        const state = await worker.evaluate(async () => ({
          badge: await chrome.action.getBadgeText({}),
          notifications: Object.keys(await chrome.notifications.getAll()),
          alarms: (await chrome.alarms.getAll()).map((a) => new Date(a.scheduledTime).toISOString()),
        }));
        console.log(name, JSON.stringify(state));
      }
      await popup.close();
      const options = await session.context.newPage();
      await options.setViewportSize({ width: 1000, height: 900 });
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await options.waitForTimeout(600);
      await options.screenshot({ path: `${outDir}/options-${name}.png` });
      await options.locator('#rules').screenshot({ path: `${outDir}/options-${name}-rules.png` });
      await options.locator('#notifications').scrollIntoViewIfNeeded();
      await options.locator('details.rule-card').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
      await options.locator('#notifications').screenshot({ path: `${outDir}/options-${name}-notify.png` });
      await options.locator('#catalog').screenshot({ path: `${outDir}/options-${name}-catalog.png` });
      await options.close();
    };
    await shoot('zh', 'zh', true);
    await shoot('en', 'en', true);
    await shoot('first-run-zh', 'zh', false);
    const badge = await worker.evaluate(() => chrome.action.getBadgeText({}));
    console.log(`screenshots in ${outDir}; badge "${badge}"`);
  } finally {
    await session.close();
  }
}

void main();
