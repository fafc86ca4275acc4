/**
 * `npm run demo`: builds the extension and opens Chromium with it installed on the four back
 * offices' order lists, served from the fixtures at their real addresses with deadlines minutes and
 * hours from now. With a display, the browser stays open; without one ($DISPLAY unset) it runs
 * headless, writes screenshots of each page and of the popup, and says where.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, openPopup, type ExtensionSession } from '../harness/chromium';
import { servePages } from '../harness/network';
import { CHROME_BUILD, REPO_ROOT, SCREENSHOT_DIR } from '../harness/paths';
import { readablePlatformPages } from '../harness/badges';
import { livePage } from '../harness/platform-pages';
import { ensureChromium } from './prerequisites';

const BADGE = 'shouyue-badge';

function build(): void {
  console.log('Building the extension (wxt build)…');
  const run = spawnSync(join(REPO_ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error('wxt build failed');
}

async function openBackOffices(session: ExtensionSession): Promise<Page[]> {
  const pages = (await readablePlatformPages()).map((entry) => livePage(entry));
  await servePages(session.context, pages);
  const tabs: Page[] = [];
  for (const served of pages) {
    const tab = await session.context.newPage();
    await tab.goto(served.url);
    tabs.push(tab);
  }
  return tabs;
}

async function headlessTour(session: ExtensionSession, tabs: Page[]): Promise<void> {
  const dir = join(SCREENSHOT_DIR, 'demo');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const tab of tabs) {
    const host = new URL(tab.url()).host;
    const badges = await tab.locator(BADGE).first().waitFor({ timeout: 15_000 }).then(
      () => tab.locator(BADGE).count(),
      () => 0,
    );
    const file = join(dir, `${host}.png`);
    await tab.screenshot({ path: file, fullPage: true });
    written.push(`${relative(process.cwd(), file)}  (${badges} badges)`);
  }
  const popup = await openPopup(session);
  await popup.waitForLoadState('networkidle');
  const popupFile = join(dir, 'popup.png');
  await popup.screenshot({ path: popupFile });
  written.push(relative(process.cwd(), popupFile));
  const worker = await session.worker();
  const shown = await worker.evaluate(async () => ({
    notifications: Object.keys(await chrome.notifications.getAll()),
    badge: await chrome.action.getBadgeText({}),
  }));
  console.log(`\nNo display, so Chromium ran headless. Screenshots:\n  ${written.join('\n  ')}`);
  console.log(`Toolbar badge: "${shown.badge}". Notifications shown (platform:order:rule|state):\n  ${shown.notifications.join('\n  ')}`);
}

async function main(): Promise<void> {
  ensureChromium();
  build();
  const headless = !process.env.DISPLAY;
  const session = await launchWithExtension({ headless, extensionDir: CHROME_BUILD, viewport: headless ? undefined : null });
  try {
    const tabs = await openBackOffices(session);
    if (headless) {
      await headlessTour(session, tabs);
      return;
    }
    await openPopup(session);
    console.log(
      'Chromium is open with 守约 installed on 抖店, 快手小店, 1688 and 千牛 (served locally at their real addresses).\n' +
        'Each order row has a live countdown badge; the last tab is the popup (also behind the toolbar icon:\n' +
        'pin 守约 from the puzzle-piece menu). Notifications appear for orders that are critical.\n' +
        'Close the browser window to end the demo.',
    );
    await new Promise<void>((done) => session.context.on('close', () => done()));
  } finally {
    await session.close().catch(() => undefined);
  }
}

await main();
