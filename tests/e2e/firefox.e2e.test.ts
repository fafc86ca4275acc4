import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFor, type Fixture } from '@/tests/fixtures/pages';
import { badgeMismatches, ordersShown, type SeenBadge } from './harness/badges';
import { launchFirefoxWithAddon, serveInFirefox } from './harness/firefox';
import { SCREENSHOT_DIR } from './harness/paths';

/** The Firefox build, installed as a temporary add-on in firefox-esr, on 抖店 and 快手小店. */
const PAGE_SIZE = 20;
const PLATFORMS = ['douyin', 'kuaishou'] as const;

async function settledFirefoxBadges(page: Page, count: number): Promise<SeenBadge[]> {
  const until = Date.now() + 30_000;
  let previous = '';
  let seen: SeenBadge[] = [];
  while (Date.now() < until) {
    seen = await page.evaluate(() =>
      [...document.querySelectorAll('shouyue-badge')].map((host) => ({
        key: host.getAttribute('data-shouyue-key') ?? '',
        tone: [...(host.shadowRoot?.querySelector('button')?.classList ?? [])].find((c) => c.startsWith('s-'))?.slice(2) ?? '',
        text: host.shadowRoot?.querySelector('.text')?.textContent ?? '',
        tooltip: host.shadowRoot?.querySelector('.pop')?.textContent ?? '',
        beside: host.previousElementSibling?.textContent ?? '',
      })),
    );
    const snapshot = JSON.stringify(seen.map((b) => [b.key, b.tone]));
    if (seen.length === count && seen.every((b) => b.tone !== 'waiting') && snapshot === previous) return seen;
    previous = snapshot;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`expected ${count} settled badges in Firefox, saw ${JSON.stringify(seen.map((b) => [b.key, b.tone, b.text]))}`);
}

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
    const badges = await settledFirefoxBadges(page, orders.length);
    expect(badgeMismatches(fixture!, orders, badges, before, Date.now())).toEqual([]);
    await mkdir(join(SCREENSHOT_DIR, 'firefox'), { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'firefox', `${platform}.png`) as `${string}.png`, fullPage: true });
    expect(unexpected).toEqual([]);
    await page.close();
  });
});
