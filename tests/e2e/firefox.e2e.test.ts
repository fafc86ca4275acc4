import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFor, type Fixture } from '@/tests/fixtures/pages';
import { badgeMismatches, badgesInDocument, ordersShown, settle, unstyledBadges } from './harness/badges';
import { launchFirefoxWithAddon, serveInFirefox } from './harness/firefox';
import { SCREENSHOT_DIR } from './harness/paths';

/** The Firefox build, installed as a temporary add-on in firefox-esr, on 抖店 and 快手小店. */
const PAGE_SIZE = 20;
const PLATFORMS = ['douyin', 'kuaishou'] as const;

describe('Firefox: the add-on badges the back offices', () => {
  let browser: Browser;
  beforeAll(async () => {
    ({ browser } = await launchFirefoxWithAddon());
  });
  afterAll(async () => browser?.close());

  it.each(PLATFORMS)('%s: every order row gets the engine\'s badge, and nothing else is requested', async (platform) => {
    const entry = fixtureFor(platform);
    let fixture: Fixture | undefined;
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const unexpected = await serveInFirefox(page, [
      {
        url: entry.url,
        html: () => {
          fixture = entry.fixture({ now: Date.now(), pageSize: PAGE_SIZE });
          return fixture.html;
        },
      },
    ]);
    const before = Date.now();
    await page.goto(entry.url);
    const orders = ordersShown(fixture!, PAGE_SIZE);
    const badges = await settle(() => page.evaluate(badgesInDocument), orders.length, `Firefox ${platform}`, 30_000);
    expect(badgeMismatches(fixture!, orders, badges, before, Date.now())).toEqual([]);
    expect(await page.evaluate(unstyledBadges)).toEqual([]);
    await mkdir(join(SCREENSHOT_DIR, 'firefox'), { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'firefox', `${platform}.png`) as `${string}.png`, fullPage: true });
    expect(unexpected).toEqual([]);
    await page.close();
  });
});
