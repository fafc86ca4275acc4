import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS, formatChinaTime } from '@/policies/time';
import { fixtureFor, type Fixture, type FixtureOrder } from '@/tests/fixtures/pages';
import { PDD_STATUS_TEXT } from '@/tests/fixtures/pages/pinduoduo';
import { ordersShown, readBadges, settledBadges } from './harness/badges';
import { launchWithExtension, openPopup, type ExtensionSession } from './harness/chromium';
import { servePages } from './harness/network';
import { livePage } from './harness/platform-pages';

/**
 * Issue 7 in real Chromium with the built extension: the 小红书 fixture page loads its order list
 * the way the real page does (fetch and XMLHttpRequest to `/api/edith/fulfillment/order/page`,
 * served by route interception). The page's own script must receive byte-identical responses, and
 * keep working when the observer's own code fails; the badges' deadlines must come from the JSON
 * (the page prints none), and the popup's health line must report the data.
 */

const ENDPOINT = 'https://ark.xiaohongshu.com/api/edith/fulfillment/order/page';
const PAGE_SIZE = 20;

const STATUS_CODE: Partial<Record<FixtureOrder['status'], [number, string]>> = {
  'awaiting-payment': [1, '待付款'],
  'awaiting-shipment': [4, '待发货'],
  shipped: [6, '已发货'],
  completed: [7, '已完成'],
  cancelled: [9, '已取消'],
};

/** The list JSON for the fixture's orders; the last awaiting-shipment order carries no deadline. */
function listJson(fixture: Fixture): { body: string; withDeadline: FixtureOrder[]; without: FixtureOrder } {
  const toShip = fixture.orders.filter((o) => o.status === 'awaiting-shipment' && o.shipBy !== undefined && !o.broken);
  const without = toShip[toShip.length - 1]!;
  const packages = fixture.orders.map((o) => ({
    packageId: o.id,
    ...(STATUS_CODE[o.status] ? { status: STATUS_CODE[o.status]![0], statusDesc: STATUS_CODE[o.status]![1] } : { statusDesc: '已签收' }),
    orderedAt: o.placedAt,
    paidAt: o.paidAt,
    ...(o.shipBy !== undefined && o !== without && { promiseLastDeliveryTime: o.shipBy }),
    ...(o.shippedAt !== undefined && { deliveryTime: o.shippedAt }),
    receiverName: o.buyer.name, // buyer data in the response: never read
  }));
  // Odd bytes the page must get back unchanged: CJK, an escaped char, an emoji, trailing whitespace.
  const body = `${JSON.stringify({ code: 0, success: true, msg: '成功 \u0041 😀', data: { total: packages.length, packages } }, null, 1)}\n  `;
  return { body, withDeadline: toShip.filter((o) => o !== without), without };
}

/** The page's own list loading: fetch, then XHR, recording exactly what it received. */
const PAGE_SCRIPT = (sabotage: boolean, path = new URL(ENDPOINT).pathname) => `<script>
  window.__seen = {};
  ${sabotage ? "window.postMessage = function () { throw new Error('page-side postMessage broken'); };" : ''}
  fetch('${path}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"pageNo":1}' })
    .then((r) => r.text())
    .then((text) => {
      window.__seen.fetch = text;
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '${path}');
      xhr.onload = () => { window.__seen.xhr = xhr.responseText; window.__seen.after = true; };
      xhr.send('{"pageNo":1}');
    }, (e) => { window.__seen.error = String(e); });
</script>`;

async function seen(page: Page): Promise<{ fetch?: string; xhr?: string; after?: boolean; error?: string }> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { __seen: { after?: boolean } }).__seen.after), { timeout: 20_000 }).toBe(true);
  return page.evaluate(() => (window as unknown as { __seen: Record<string, never> }).__seen);
}

describe('Chromium: the page\'s own list JSON (issue 7)', () => {
  let session: ExtensionSession;
  let fixture: Fixture;
  let json: ReturnType<typeof listJson>;
  let sabotage = false;
  const requests: string[] = [];

  beforeAll(async () => {
    session = await launchWithExtension();
    const entry = fixtureFor('xiaohongshu');
    const served = livePage(entry, { pageSize: PAGE_SIZE });
    await servePages(session.context, [
      {
        url: served.url,
        html: () => {
          const html = served.html();
          fixture = served.last()!;
          json = listJson(fixture);
          return html.replace('</body>', `${PAGE_SCRIPT(sabotage)}</body>`);
        },
      },
    ]);
    // Registered last, so it wins over the harness's catch-all for this one address.
    await session.context.route(ENDPOINT, async (route) => {
      requests.push(`${route.request().method()} ${route.request().postData()}`);
      await route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: json.body });
    });
  });
  afterAll(async () => session?.close());

  let page: Page;
  it('hands the page byte-identical responses through fetch and XMLHttpRequest', async () => {
    page = await session.context.newPage();
    await page.goto(fixtureFor('xiaohongshu').url);
    const got = await seen(page);
    expect(got.fetch).toBe(json.body);
    expect(got.xhr).toBe(json.body);
    // Each request went out exactly once, with the page's own body: nothing replayed or altered.
    expect(requests).toEqual(['POST {"pageNo":1}', 'POST {"pageNo":1}']);
  });

  it('badges with the deadlines the JSON carries, and says "estimated" where it carries none', async () => {
    const shown = ordersShown(fixture, PAGE_SIZE);
    await settledBadges(page, shown.length);
    const tooltipOf = async (order: FixtureOrder) =>
      (await readBadges(page)).find((b) => b.beside.includes(order.id))?.tooltip ?? '';
    for (const order of json.withDeadline.filter((o) => shown.includes(o))) {
      const fromJson = `截止 ${formatChinaTime(order.shipBy!, 'short')}`;
      await expect.poll(() => tooltipOf(order), { timeout: 20_000 }).toContain(fromJson);
      expect(await tooltipOf(order)).toContain('平台给出的时限');
    }
    const estimated = await tooltipOf(json.without);
    expect(estimated).toContain('按规则估算');
    expect(estimated).not.toContain('平台给出的时限');
  });

  it('reports the data in the popup health line', async () => {
    const popup = await openPopup(session);
    const line = popup.locator('[data-health="xiaohongshu"]');
    await expect.poll(() => line.textContent(), { timeout: 20_000 }).toContain('页面数据：');
    expect(await line.textContent()).not.toContain('未收到页面数据');
    await popup.close();
  });

  it('keeps the page working when the observer\'s own code throws', async () => {
    sabotage = true;
    requests.length = 0;
    const broken = await session.context.newPage();
    const errors: string[] = [];
    broken.on('pageerror', (e) => errors.push(e.message));
    await broken.goto(fixtureFor('xiaohongshu').url);
    const got = await seen(broken);
    expect(got.fetch).toBe(json.body);
    expect(got.xhr).toBe(json.body);
    expect(got.error).toBeUndefined();
    expect(requests).toHaveLength(2);
    // Only the page's own deliberate breakage may surface, never an error from the observer.
    expect(errors.filter((m) => !m.includes('page-side postMessage broken'))).toEqual([]);
    await broken.close();
  });
});

describe('Chromium: 拼多多 data that disagrees with the page', () => {
  const LIST = 'https://mms.pinduoduo.com/mangkhut/mms/recentOrderList';
  let session: ExtensionSession;
  let fixture: Fixture;
  let moved: FixtureOrder;
  let body = '';

  beforeAll(async () => {
    session = await launchWithExtension();
    const served = livePage(fixtureFor('pinduoduo'), { pageSize: PAGE_SIZE });
    await servePages(session.context, [
      {
        url: served.url,
        html: () => {
          const html = served.html();
          fixture = served.last()!;
          // The page prints 最迟发货时间; the data says two hours later for one order (e.g. after a delay was agreed).
          moved = fixture.orders.find((o) => o.status === 'awaiting-shipment' && o.shipBy !== undefined && !o.broken)!;
          const pageItems = fixture.orders.map((o) => ({
            order_sn: o.id,
            order_status_str: PDD_STATUS_TEXT[o.status],
            order_time: Math.floor(o.placedAt / 1000),
            confirm_time: Math.floor(o.paidAt / 1000),
            ...(o.shipBy !== undefined && { promise_shipping_time: Math.floor((o === moved ? o.shipBy + 2 * HOUR_MS : o.shipBy) / 1000) }),
            order_amount: Math.round(o.amount * 100),
            delivery_one_day: '0',
          }));
          body = JSON.stringify({ success: true, error_code: 1000000, error_msg: null, result: { totalItemNum: pageItems.length, pageItems } });
          return html.replace('</body>', `${PAGE_SCRIPT(false, new URL(LIST).pathname)}</body>`);
        },
      },
    ]);
    await session.context.route(LIST, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  });
  afterAll(async () => session?.close());

  it('counts down to the data\'s deadline and records the disagreement for the health line', async () => {
    const page = await session.context.newPage();
    await page.goto(fixtureFor('pinduoduo').url);
    const got = await seen(page);
    expect(got.fetch).toBe(body);
    await settledBadges(page, ordersShown(fixture, PAGE_SIZE).length);
    const tooltip = async () => (await readBadges(page)).find((b) => b.beside.includes(moved.id))?.tooltip ?? '';
    const fromJson = `截止 ${formatChinaTime(moved.shipBy! + 2 * HOUR_MS, 'short')}`;
    await expect.poll(tooltip, { timeout: 20_000 }).toContain(fromJson);
    const popup = await openPopup(session);
    const line = popup.locator('[data-health="pinduoduo"]');
    await expect.poll(() => line.textContent(), { timeout: 20_000 }).toContain('发货截止时间与页面显示不一致');
    expect(await line.textContent()).toContain(`…${moved.id.slice(-4)}`);
  });
});
