import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformName } from '@/components/common/lang';
import { STATE_URGENCY, type ClockState } from '@/policies/verdict';
import { formatChinaTime, HOUR_MS } from '@/policies/time';
import { PRIVATE_STRINGS, type Fixture } from '@/tests/fixtures/pages';
import { badgeMismatches, ordersShown, readablePlatformPages, settledBadges, type SeenBadge } from './harness/badges';
import { launchWithExtension, openPopup, type ExtensionSession } from './harness/chromium';
import { expectedVerdicts } from './harness/expected';
import { servePages, type NetworkLog } from './harness/network';
import { SCREENSHOT_DIR } from './harness/paths';
import { livePage, type LivePlatformPage } from './harness/platform-pages';

/**
 * The merchant's day: the four back offices open side by side, each order row badged, the popup
 * listing what is at risk across all of them — and nothing leaving the computer or kept about buyers.
 */
const REQUIRED = ['douyin', 'kuaishou', 'alibaba1688', 'tmallGlobal'];
const PAGE_SIZE = 20;
const SHOTS = join(SCREENSHOT_DIR, 'chromium');

interface Visit {
  served: LivePlatformPage;
  page: Page;
  fixture: Fixture;
  badges: SeenBadge[];
  /** Real-clock instants around the page's read: the badges were computed between them. */
  before: number;
  after: number;
}

describe('Chromium: the back offices, the popup, privacy and network', () => {
  let session: ExtensionSession;
  let network: NetworkLog;
  const visits: Visit[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const entries = await readablePlatformPages();
    expect(entries.map((e) => e.platform)).toEqual(expect.arrayContaining(REQUIRED));
    session = await launchWithExtension();
    const served = entries.map((entry) => livePage(entry, { pageSize: PAGE_SIZE }));
    network = await servePages(session.context, served);
    for (const s of served) {
      const page = await session.context.newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const before = Date.now();
      await page.goto(s.url);
      const fixture = s.last()!;
      const badges = await settledBadges(page, ordersShown(fixture, PAGE_SIZE).length);
      visits.push({ served: s, page, fixture, badges, before, after: Date.now() });
      await page.screenshot({ path: join(SHOTS, `${s.entry.platform}.png`), fullPage: true });
    }
  });
  afterAll(async () => session?.close());

  it('badges every order row on each back office with the engine\'s words and state, next to its order id', () => {
    for (const v of visits) {
      const shown = ordersShown(v.fixture, PAGE_SIZE);
      expect(v.badges.length, v.served.entry.platform).toBe(shown.length);
      expect(badgeMismatches(v.fixture, shown, v.badges, v.before, v.after), v.served.entry.platform).toEqual([]);
      // The comparison has teeth: the same badges read as wrong three hours later.
      expect(badgeMismatches(v.fixture, shown, v.badges, v.before + 3 * HOUR_MS, v.after + 3 * HOUR_MS)).not.toEqual([]);
      // The list has work to do: not every badge is calm.
      expect(v.badges.some((b) => ['critical', 'breached'].includes(b.tone)), v.served.entry.platform).toBe(true);
    }
  });

  it("gives each badge a box its words fit in (the box's size never depends on them: redrawing lays out nothing else)", async () => {
    for (const v of visits) {
      const boxes = await v.page.locator('shouyue-badge').evaluateAll((hosts) =>
        hosts.map((host) => {
          const text = host.shadowRoot!.querySelector('.text')!;
          const button = host.shadowRoot!.querySelector('button')!.getBoundingClientRect();
          const box = host.getBoundingClientRect();
          return { words: text.textContent, cut: text.scrollWidth > text.clientWidth, fits: button.right <= box.right + 0.5, contain: getComputedStyle(host).contain };
        }),
      );
      expect(boxes.length).toBeGreaterThan(0);
      expect(boxes.filter((b) => b.cut || !b.fits), v.served.entry.platform).toEqual([]);
      expect(new Set(boxes.map((b) => b.contain))).toEqual(new Set(['size layout style']));
    }
  });

  it("names each badge in the browser's accessibility tree with its whole sentence: the order, the badge's words and the deadline", async () => {
    for (const v of visits) {
      const cdp = await v.page.context().newCDPSession(v.page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      await cdp.detach();
      const names = nodes.filter((n) => n.role?.value === 'button').map((n) => String(n.name?.value ?? '')).filter((name) => name.startsWith('守约'));
      expect(names.length, v.served.entry.platform).toBe(v.badges.length);
      v.badges.forEach((b, i) => {
        const head = `守约：订单 ${b.key}， ${b.text}`;
        expect(names[i]!.startsWith(head), `${names[i]} begins ${head}`).toBe(true);
        expect(names[i]!.slice(head.length), names[i]).toMatch(/^(?: ，截止 \d\d-\d\d \d\d:\d\d（.+）)?$/);
      });
    }
  });

  it('shows a waiting badge with its waiting words only, never with the words it showed before', async () => {
    for (const v of visits) {
      // Every badge waited once (for its first verdicts); its tone is what waiting sets again.
      const faces = await v.page.locator('shouyue-badge').evaluateAll((hosts) =>
        hosts.map((host) => {
          const button = host.shadowRoot!.querySelector('button')!;
          const before = { tone: button.className, seen: button.innerText };
          button.className = 's-waiting';
          const wait = host.shadowRoot!.querySelector('.wait') as HTMLElement;
          const waiting = { seen: button.innerText, cut: wait.scrollWidth > wait.clientWidth, fits: button.getBoundingClientRect().right <= host.getBoundingClientRect().right + 0.5 };
          button.className = before.tone;
          return { before, waiting, after: button.innerText };
        }),
      );
      expect(faces.length).toBeGreaterThan(0);
      for (const f of faces) {
        expect(f.waiting, v.served.entry.platform).toEqual({ seen: '↻ 守约 …', cut: false, fits: true });
        expect(f.before.seen).not.toContain('守约');
        expect(f.after).toBe(f.before.seen);
      }
    }
  });

  it('shows the full rule list with China-time deadlines in the badge tooltip on hover', async () => {
    const v = visits[0]!;
    const urgent = v.badges.find((b) => b.tone === 'critical')!;
    const host = v.page.locator(`shouyue-badge[data-shouyue-key="${urgent.key}"]`);
    await host.hover();
    await expect.poll(() => host.locator('.pop.open').isVisible()).toBe(true);
    // Just below the badge (or above it), inside the viewport, and on top of the rows after it.
    const placed = await host.evaluate((el) => {
      const pop = el.shadowRoot!.querySelector('.pop')!.getBoundingClientRect();
      const badge = el.shadowRoot!.querySelector('button')!.getBoundingClientRect();
      // Points all over it, and where it covers the next rows' badges (positioned boxes painted
      // after this one unless it is raised), hit this badge only.
      const points = [0.05, 0.25, 0.5, 0.75, 0.95].flatMap((x) => [0.05, 0.25, 0.5, 0.75, 0.95].map((y) => [pop.left + x * pop.width, pop.top + y * pop.height]));
      const under = [...document.querySelectorAll('shouyue-badge')].filter((b) => b !== el).map((b) => b.getBoundingClientRect());
      for (const b of under) {
        const [l, r, t, d] = [Math.max(b.left, pop.left), Math.min(b.right, pop.right), Math.max(b.top, pop.top), Math.min(b.bottom, pop.bottom)];
        if (l < r && t < d) points.push([(l + r) / 2, (t + d) / 2]);
      }
      const onTop = points.length > 25 && points.every(([x, y]) => document.elementFromPoint(x!, y!) === el);
      return { gap: pop.top >= badge.bottom ? pop.top - badge.bottom : badge.top - pop.bottom, left: pop.left, right: pop.right, bottom: pop.bottom, width: innerWidth, height: innerHeight, onTop };
    });
    expect(placed.gap).toBeCloseTo(4, 0);
    expect(placed.left).toBeGreaterThanOrEqual(0);
    expect(placed.right).toBeLessThanOrEqual(placed.width);
    expect(placed.bottom).toBeLessThanOrEqual(placed.height);
    expect(placed.onTop).toBe(true);
    const verdict = expectedVerdicts(v.fixture, v.after).find((x) => x.orderId === urgent.key && x.state === 'critical')!;
    expect(urgent.tooltip).toContain(formatChinaTime(verdict.deadline!, 'short'));
    await v.page.screenshot({ path: join(SHOTS, `${v.served.entry.platform}-tooltip.png`), clip: await tooltipClip(v.page, urgent.key) });
  });

  it('lists the at-risk orders of all the back offices in the popup, most urgent first, with the badges\' deadlines; the toolbar count matches', async () => {
    const popup = await openPopup(session);
    const items = popup.locator('li.order');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const listed = await items.evaluateAll((lis) =>
      lis.map((li) => ({
        state: [...li.classList].find((c) => c.startsWith('state-'))!.slice(6),
        platform: li.querySelector('.platform-tag')?.textContent ?? '',
        orderId: li.querySelector('.order-id')?.textContent ?? '',
        deadline: li.querySelector('.deadline')?.firstChild?.textContent ?? '',
      })),
    );
    await popup.screenshot({ path: join(SHOTS, 'popup.png') });

    // All four back offices are in one list.
    const names = visits.map((v) => platformName(v.served.entry.platform, 'zh'));
    expect(new Set(listed.map((i) => i.platform))).toEqual(new Set(names));
    // Most urgent first: states never climb back up the urgency ladder.
    const ranks = listed.map((i) => STATE_URGENCY[i.state as ClockState]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // Every order whose badge is critical or breached is listed, with the deadline its badge's tooltip shows.
    for (const v of visits) {
      const name = platformName(v.served.entry.platform, 'zh');
      for (const badge of v.badges.filter((b) => b.tone === 'critical' || b.tone === 'breached')) {
        const entries = listed.filter((i) => i.platform === name && i.orderId === badge.key && i.state === badge.tone);
        expect(entries.length, `${name} ${badge.key} ${badge.tone}`).toBeGreaterThan(0);
        for (const e of entries) expect(badge.tooltip, `${name} ${badge.key}`).toContain(e.deadline.match(/\d\d-\d\d \d\d:\d\d/)![0]);
      }
    }
    // The toolbar count is the number of critical and breached clocks the popup lists.
    const urgent = listed.filter((i) => i.state === 'critical' || i.state === 'breached').length;
    const worker = await session.worker();
    expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(String(urgent));
    await popup.close();
  });

  it('keeps none of the buyer names, phone numbers or addresses the pages show', async () => {
    const worker = await session.worker();
    const dump = await worker.evaluate(async () =>
      JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null), await chrome.storage.sync.get(null)]),
    );
    expect(dump.length).toBeGreaterThan(100); // orders were stored…
    for (const v of visits) expect(dump).toContain(v.fixture.orders[0]!.id);
    expect(PRIVATE_STRINGS.filter((s) => dump.includes(s))).toEqual([]); // …but nothing about buyers
  });

  it('never runs page text as HTML (a buyer nick is an <img onerror=alert> payload)', () => {
    expect(dialogs).toEqual([]);
  });

  it('makes no network request of its own, and the pages requested nothing but themselves', () => {
    expect(network.served.length).toBe(visits.length);
    expect(network.fromExtension).toEqual([]);
    expect(network.unexpected).toEqual([]);
  });
});

/** The badge and its open tooltip, for a small README-sized screenshot. */
async function tooltipClip(page: Page, key: string) {
  const box = await page.locator(`shouyue-badge[data-shouyue-key="${key}"]`).boundingBox();
  const pop = await page.locator(`shouyue-badge[data-shouyue-key="${key}"] .pop`).boundingBox();
  const x = Math.min(box!.x, pop!.x) - 8;
  const y = box!.y - 8;
  return { x, y, width: Math.max(box!.x + box!.width, pop!.x + pop!.width) - x + 8, height: pop!.y + pop!.height - y + 8 };
}
