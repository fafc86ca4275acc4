import { afterAll, beforeAll, describe, expect, it } from 'vitest';
const SECOND_MS = 1000;
import type { Verdict } from '@/policies/verdict';
import { fixtureFor, type Fixture } from '@/tests/fixtures/pages';
import { clockKey } from '@/utils/background/keys';
import { ordersShown, settledBadges } from './harness/badges';
import { launchWithExtension, openPopup, stopServiceWorker, type ExtensionSession } from './harness/chromium';
import { expectedVerdicts } from './harness/expected';
import { servePages, type NetworkLog } from './harness/network';
import { NotificationWatch } from './harness/notifications';

/**
 * Time passing and the worker dying: an order crosses into critical while the merchant watches
 * (one notification, once), and the service worker is killed and restarted (nothing lost, nothing
 * repeated).
 */
const PAGE_SIZE = 20;
/** Chrome fires alarms no sooner than 30 s after they are set. */
const TURNS_CRITICAL_AFTER_MS = 35 * SECOND_MS;
const entry = fixtureFor('douyin');

/** The urgent ship clock of a fixture generated at `at`, evaluated at `t`. */
function shipClock(at: number, t: number): Verdict {
  const fixture = entry.fixture({ now: at, pageSize: PAGE_SIZE });
  const urgent = fixture.orders.find((o) => o.kind === 'to-ship-urgent')!;
  const clock = expectedVerdicts(fixture, t).find((v) => v.orderId === urgent.id && v.clock === 'ship');
  if (!clock) throw new Error(`the engine gives the urgent 抖店 order ${urgent.id} no ship clock`);
  return clock;
}

/**
 * How long after a fixture's `now` its urgent order's ship clock turns critical, found with the
 * engine (states only move forward in time, so a binary search over a two-day window works).
 */
function criticalOffset(): number {
  const at = Math.floor(Date.now() / SECOND_MS) * SECOND_MS;
  let lo = -2 * 24 * 3600 * SECOND_MS;
  let hi = 2 * 24 * 3600 * SECOND_MS;
  expect(shipClock(at, at + lo).state).not.toBe('critical');
  expect(shipClock(at, at + hi).state).not.toBe('running');
  while (hi - lo > SECOND_MS) {
    const mid = Math.floor((lo + hi) / 2);
    if (['critical', 'breached'].includes(shipClock(at, at + mid).state)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const popupKeys = async (session: ExtensionSession) => {
  const popup = await openPopup(session);
  const items = popup.locator('li.order');
  await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  const keys = await items.evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-key')} ${li.className}`));
  await popup.close();
  return keys;
};

describe('Chromium: time passing and the worker restarting', () => {
  let session: ExtensionSession;
  let network: NetworkLog;
  let fixture: Fixture;
  let criticalKey: string;
  let notifications: NotificationWatch;

  beforeAll(async () => {
    session = await launchWithExtension();
    const offset = criticalOffset();
    network = await servePages(session.context, [
      {
        url: entry.url,
        // Generated at serve time so the urgent order turns critical 35 s after the page is read.
        html: () => {
          fixture = entry.fixture({ now: Date.now() + TURNS_CRITICAL_AFTER_MS - offset, pageSize: PAGE_SIZE });
          return fixture.html;
        },
      },
    ]);
    notifications = new NotificationWatch(session).start();
  });
  afterAll(async () => {
    await notifications?.stop();
    await session?.close();
  });

  it('notifies once when an order turns critical while the page is open', async () => {
    const page = await session.context.newPage();
    const servedAt = Date.now();
    await page.goto(entry.url);
    await settledBadges(page, ordersShown(fixture, PAGE_SIZE).length);
    const urgent = fixture.orders.find((o) => o.kind === 'to-ship-urgent')!;
    const clock = expectedVerdicts(fixture, Date.now()).find((v) => v.orderId === urgent.id && v.clock === 'ship')!;
    expect(clock.state).toBe('due-soon');
    criticalKey = `${clockKey(clock)}|critical`;
    expect(await notifications.timesShown(criticalKey)).toBe(0);

    await expect
      .poll(() => notifications.timesShown(criticalKey), { timeout: TURNS_CRITICAL_AFTER_MS + 40 * SECOND_MS, interval: 1000 })
      .toBe(1);
    expect(Date.now() - servedAt).toBeGreaterThanOrEqual(TURNS_CRITICAL_AFTER_MS - 5 * SECOND_MS);
    // The badge on the page agrees (it ticks once a minute).
    await expect
      .poll(() => page.locator(`shouyue-badge[data-shouyue-key="${urgent.id}"] button`).getAttribute('class'), { timeout: 70_000 })
      .toContain('s-critical');

    // Once: the page reads and re-renders again; the notification is not shown a second time.
    await notifications.clear();
    await page.reload();
    await settledBadges(page, ordersShown(fixture, PAGE_SIZE).length);
    await page.evaluate(() => (window as unknown as { __fx: { rerender(): void } }).__fx.rerender());
    await page.waitForTimeout(2000);
    expect(await notifications.timesShown(criticalKey)).toBe(1);
  }, 150_000);

  it('keeps the same orders and repeats no notification after the service worker is stopped and restarted', async () => {
    const before = await popupKeys(session);
    const worker = await session.worker();
    await worker.evaluate(() => ((globalThis as { e2eMarker?: number }).e2eMarker = 1));

    await notifications.clear();
    const shownBefore = notifications.appearances.length;
    await notifications.pause();
    await stopServiceWorker(session);
    const after = await popupKeys(session); // opening the popup starts a fresh worker
    await notifications.resume();
    expect(await worker.evaluate(() => (globalThis as { e2eMarker?: number }).e2eMarker ?? 'fresh')).toBe('fresh');
    expect(after).toEqual(before);

    // The restarted worker re-reads the page and re-evaluates: no notification is shown again.
    const page = session.context.pages().find((p) => p.url() === entry.url)!;
    await page.reload();
    await settledBadges(page, ordersShown(fixture, PAGE_SIZE).length);
    await page.waitForTimeout(2000);
    expect(await notifications.timesShown(criticalKey)).toBe(1);
    expect(notifications.appearances.slice(shownBefore)).toEqual([]);
  });

  it('recomputes at once when the merchant turns a platform off on the options page, and back on', async () => {
    const worker = await session.worker();
    const badgeText = () => worker.evaluate(() => chrome.action.getBadgeText({}));
    const before = await badgeText();
    expect(before).not.toBe('');
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const platforms = options.locator('section', { has: options.locator('h2', { hasText: /^平台$/ }) });
    await platforms.getByLabel('抖店').click();
    await expect.poll(badgeText, { timeout: 5000 }).toBe('');
    await platforms.getByLabel('抖店').click();
    await expect.poll(badgeText, { timeout: 5000 }).toBe(before);
    await options.close();
  });

  it('made no network request of its own', () => {
    expect(network.fromExtension).toEqual([]);
    expect(network.unexpected).toEqual([]);
  });
});
