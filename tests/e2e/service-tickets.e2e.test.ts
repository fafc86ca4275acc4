import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeContent } from '@/components/badge/view';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import { OrderSchema } from '@/policies/order';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import { mergeOrders } from '@/utils/background/merge';
import { HOSTILE_TEXT, PRIVATE_STRINGS } from '@/tests/fixtures/pages';
import { douyinServiceFixture, type TicketExpectation } from '@/tests/fixtures/pages/douyin-service';
import { readBadges, settle, type SeenBadge } from './harness/badges';
import { launchWithExtension, openPopup, type ExtensionSession } from './harness/chromium';
import { servePages, type NetworkLog } from './harness/network';
import { SCREENSHOT_DIR } from './harness/paths';

/**
 * 抖店 服务请求 (platform service tickets) at its assumed address, in real Chromium with the built
 * extension: one badge per ticket row beside its order id, the engine's words for that ticket's
 * clock (two tickets of one order each show their own), grey 无法识别 on the damaged rows, nothing about buyers kept, no request of its own.
 */
const SHOTS = join(SCREENSHOT_DIR, 'chromium');

/**
 * The badge a ticket row must show at `now`, by ticket id: the engine's verdict for that very ticket
 * (every case evaluated, as the background answers a page), with its order merged as the background does.
 */
function expectedTexts(expected: readonly TicketExpectation[], now: number): Map<string, { tone: string; text: string }> {
  const readings = expected.flatMap((e) => ('ticket' in e ? [OrderSchema.parse({ platform: 'douyin', orderId: e.orderId, serviceTickets: [e.ticket], scope: 'cases', readAt: now })] : []));
  const verdicts = evaluate(Object.values(mergeOrders({}, readings)), CATALOG, now, DEFAULT_ENGINE_SETTINGS, { everyCase: true });
  const out = new Map<string, { tone: string; text: string }>();
  for (const r of readings) {
    const ticket = r.serviceTickets[0]!.id;
    const own = verdicts.filter((v) => v.orderId === r.orderId && v.subjectId === ticket);
    const c = badgeContent({ kind: 'verdicts', orderId: r.orderId, verdicts: own }, 'zh', () => undefined);
    out.set(ticket, { tone: c.tone, text: c.text });
  }
  return out;
}

describe('Chromium: the 抖店 service-ticket list', () => {
  let session: ExtensionSession;
  let network: NetworkLog;
  let page: Page;
  let last: ReturnType<typeof douyinServiceFixture> | undefined;
  let badges: SeenBadge[] = [];
  let before = 0;
  let after = 0;
  const dialogs: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    session = await launchWithExtension();
    const url = douyinServiceFixture({ now: 0 }).url;
    network = await servePages(session.context, [{ url, html: () => (last = douyinServiceFixture({ now: Date.now(), broken: true })).html }]);
    page = await session.context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    before = Date.now();
    await page.goto(url);
    badges = await settle(() => readBadges(page), last!.expected.length, url);
    after = Date.now();
    await page.screenshot({ path: join(SHOTS, 'douyin-service.png'), fullPage: true });
  });
  afterAll(async () => session?.close());

  it('badges every ticket row beside its order id with the engine\'s words; damaged rows read 无法识别', () => {
    const expected = last!.expected;
    expect(badges).toHaveLength(expected.length);
    const want = [expectedTexts(expected, before), expectedTexts(expected, after)];
    const problems: string[] = [];
    expected.forEach((e, i) => {
      const seen = badges[i]!;
      if ('unreadable' in e) {
        if (seen.tone !== 'unreadable') problems.push(`row ${i + 1}: ${seen.tone} "${seen.text}", expected unreadable`);
        return;
      }
      if (seen.key !== e.orderId || !seen.beside.includes(e.orderId)) problems.push(`row ${i + 1}: badge ${seen.key} beside "${seen.beside}"`);
      const id = e.ticket.id;
      if (!want.some((w) => w.get(id)?.tone === seen.tone && w.get(id)?.text === seen.text)) {
        problems.push(`row ${i + 1} ${e.orderId}/${id}: saw ${seen.tone} "${seen.text}", expected ${want.map((w) => JSON.stringify(w.get(id))).join(' or ')}`);
      }
    });
    expect(problems).toEqual([]);
    // The list has a ticket about to expire and one overdue, in the merchant's words.
    expect(badges.some((b) => b.tone === 'critical' && /^服务单 剩 \d+分$/.test(b.text))).toBe(true);
    expect(badges.some((b) => b.tone === 'breached' && b.text.startsWith('服务单 已超时'))).toBe(true);
  });

  it('the tooltip names the platform\'s deadline, or the rule it was computed from', async () => {
    const critical = badges.find((b) => b.tone === 'critical')!;
    expect(critical.tooltip).toContain('平台给出的时限');
    const host = page.locator(`shouyue-badge[data-shouyue-key="${critical.key}"]`).first();
    await host.hover();
    await expect.poll(() => host.locator('.pop.open').isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'douyin-service-tooltip.png') });
    expect(badges.some((b) => b.tooltip.includes('按规则估算'))).toBe(true);
  });

  it('lists the urgent tickets in the popup', async () => {
    const popup = await openPopup(session);
    const items = popup.locator('li.order');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const listed = await items.evaluateAll((lis) => lis.map((li) => `${li.querySelector('.order-id')?.textContent ?? ''} ${li.querySelector('.clock-label')?.textContent ?? ''}`));
    for (const b of badges.filter((x) => x.tone === 'critical' || x.tone === 'breached')) expect(listed).toContain(`${b.key} 服务单`);
    await popup.screenshot({ path: join(SHOTS, 'douyin-service-popup.png') });
    await popup.close();
  });

  it('keeps the tickets but nothing of the ticket text, the reply or the buyers', async () => {
    const worker = await session.worker();
    const dump = await worker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]));
    const first = last!.expected.find((e) => 'ticket' in e)!;
    expect(dump).toContain('ticket' in first ? first.ticket.id : '');
    expect([...PRIVATE_STRINGS, HOSTILE_TEXT, '反馈', '补发'].filter((s) => dump.includes(s))).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('makes no network request of its own', () => {
    expect(network.fromExtension).toEqual([]);
    expect(network.unexpected).toEqual([]);
  });
});
