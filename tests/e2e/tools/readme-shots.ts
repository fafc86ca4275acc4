/**
 * The small screenshots in the README: badges on 抖店's order list, a badge's tooltip and the popup,
 * taken in real Chromium with the built extension (run `npm run build` first):
 * `npx tsx tests/e2e/tools/readme-shots.ts`.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ordersShown, readablePlatformPages, settledBadges } from '../harness/badges';
import { launchWithExtension, openPopup } from '../harness/chromium';
import { servePages } from '../harness/network';
import { livePage } from '../harness/platform-pages';

const OUT = resolve(import.meta.dirname, '../readme-shots');
const PAGE_SIZE = 20;

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const session = await launchWithExtension({ viewport: { width: 1100, height: 800 } });
  try {
    const served = (await readablePlatformPages()).map((entry) => livePage(entry, { pageSize: PAGE_SIZE }));
    await servePages(session.context, served);
    for (const s of served) {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1100, height: 800 });
      await page.goto(s.url);
      await settledBadges(page, ordersShown(s.last()!, PAGE_SIZE).length);
      if (s.entry.platform !== 'douyin') continue;
      // The left half of the list: order numbers with their badges, and the products.
      await page.screenshot({ path: join(OUT, 'badges.png'), clip: { x: 16, y: 120, width: 560, height: 1080 }, fullPage: true });
      const badge = page.locator('shouyue-badge').first();
      await badge.hover();
      await page.locator('shouyue-badge .pop.open').first().waitFor();
      const box = (await badge.boundingBox())!;
      const pop = (await page.locator('shouyue-badge .pop.open').first().boundingBox())!;
      await page.screenshot({
        path: join(OUT, 'tooltip.png'),
        clip: { x: Math.min(box.x, pop.x) - 8, y: box.y - 8, width: pop.width + 16, height: pop.y + pop.height - box.y + 16 },
      });
    }
    const popup = await openPopup(session);
    await popup.locator('li.order').first().waitFor();
    await popup.screenshot({ path: join(OUT, 'popup.png') });
  } finally {
    await session.close();
  }
  console.log(`README screenshots written to ${OUT}`);
}

await main();
