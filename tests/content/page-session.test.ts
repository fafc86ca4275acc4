// @vitest-environment happy-dom
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ruleLookup } from '@/components/badge/rules';
import { CATALOG } from '@/policies/catalog';
import type { Verdict } from '@/policies/verdict';
import type { IncomingMessage, VerdictsReply } from '@/utils/messages';
import { startPage, type PageDeps, type PageSession } from '@/utils/page/run';
import { douyinFixture } from '../fixtures/pages/douyin';
import { douyinServiceFixture } from '../fixtures/pages/douyin-service';
import { kuaishouFixture } from '../fixtures/pages/kuaishou';
import { HOSTILE_TEXT } from '../fixtures/pages';
import { badgeContent } from '@/components/badge/view';
import { openState } from '@/policies/engine/thresholds';
import { fakeBackground } from './fake-background';
import { NOW, adapterFor, expectedOrders, parsePage, readAll } from './helpers';
import { joinPageData } from '@/utils/page-data/join';
import { SLICE_MS, taskBegan } from '@/utils/page/schedule';
import { refreshLabels } from '@/utils/page/label-index';
import { carryRows } from '@/utils/page/carry';
import { computeAccessibleName } from 'dom-accessibility-api';

// Counts the badges drawn (words worked out for them), passing through to the real badgeContent.
vi.mock('@/components/badge/view', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/components/badge/view')>();
  return { ...real, badgeContent: vi.fn(real.badgeContent) };
});
// The label walk and the carrying over of re-rendered rows, passing through (tests look at when they run).
vi.mock('@/utils/page/label-index', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/utils/page/label-index')>();
  return { ...real, refreshLabels: vi.fn(real.refreshLabels) };
});
vi.mock('@/utils/page/carry', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/utils/page/carry')>();
  return { ...real, carryRows: vi.fn(real.carryRows) };
});

const HOUR = 3_600_000;
const LIST_URL = 'https://fxg.jinritemai.com/ffa/morder/order/list';

/** Loads a fixture page into the test document (its scripts do not run; tests drive the views). */
function load(html: string) {
  const parsed = parsePage(html);
  document.body.innerHTML = parsed.body.innerHTML;
}

/** The fixture's own page script does this on a tab click or page turn: swap in a view. */
function showView(key: string, recycle = false) {
  const list = document.querySelector('[data-fx-list]')!;
  const fresh = (document.querySelector(`template[data-fx-view="${key}"]`) as HTMLTemplateElement).content.cloneNode(true) as DocumentFragment;
  if (!recycle) return list.replaceChildren(fresh);
  const olds = [...list.children];
  [...fresh.children].forEach((n, i) => {
    const old = olds[i];
    if (!old) return list.append(n);
    for (const a of [...old.attributes]) old.removeAttribute(a.name);
    for (const a of [...n.attributes]) old.setAttribute(a.name, a.value);
    old.replaceChildren(...n.childNodes);
  });
  olds.slice(fresh.children.length).forEach((o) => o.remove());
}

const badges = () => [...document.querySelectorAll('shouyue-badge')];
/** The words a badge shows: the waiting words while waiting (the last words stay written, unseen). */
function faceText(badge: Element) {
  const button = badge.shadowRoot!.querySelector('button')!;
  return button.querySelector(button.classList.contains('s-waiting') ? '.wait' : '.text')!.textContent;
}
const badgeTexts = () => badges().map(faceText);
const keys = () => badges().map((b) => b.getAttribute('data-shouyue-key'));
const badgeOf = (id: string) => badges().find((b) => b.getAttribute('data-shouyue-key') === id)!;
const waitingBadges = () => badges().filter((b) => b.shadowRoot!.querySelector('button.s-waiting'));
const unreadableBadges = () => badges().filter((b) => b.shadowRoot!.querySelector('button.s-unreadable'));

/** A background that answers the first message at once and holds every later one until `release`. */
function holdingAfterFirst() {
  const bg = fakeBackground();
  let release: (() => void) | undefined;
  const send = (m: IncomingMessage) =>
    bg.messages.length === 0 ? bg.send(m) : new Promise<VerdictsReply>((resolve) => (release = () => void bg.send(m).then(resolve)));
  return { send, held: () => release !== undefined, release: () => release!() };
}

/** The page's clock (`performance.now`) held still for the test: it moves only when told. */
function heldClock() {
  let t = 1_000;
  const spy = vi.spyOn(performance, 'now').mockImplementation(() => t);
  onTestFinished(() => spy.mockRestore());
  return { advance: (ms: number) => void (t += ms) };
}

let session: PageSession | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
  document.body.innerHTML = '';
});

function start(extra: Partial<PageDeps> = {}) {
  const bg = fakeBackground();
  let url = LIST_URL;
  let clock = NOW;
  const deps: PageDeps = {
    adapter: adapterFor('douyin'),
    doc: document,
    location: () => url,
    now: () => clock,
    send: bg.send,
    rules: ruleLookup(CATALOG),
    tickMs: 1e9,
    watch: { quietMs: 5, maxWaitMs: 20 },
    ...extra,
  };
  session = startPage(deps);
  return { bg, session, goTo: (u: string) => (url = u), setClock: (t: number) => (clock = t) };
}

// happy-dom is slow with big tables, and the machine may be busy: room beyond the 5 s default.
describe('page session', { timeout: 30_000 }, () => {
  it('reads the rows, sends them to the background and badges each row with its verdict', async () => {
    const f = douyinFixture({ now: NOW });
    load(f.html);
    const { bg, session } = start();
    await session.scan();
    const read = bg.messages.find((m) => m.type === 'page-read');
    expect(read?.type === 'page-read' && read.orders).toEqual(expectedOrders(f.expected));
    expect(keys()).toEqual(f.expected.map((e) => e.orderId));
    expect(badgeTexts().every((t) => t === '发货 剩 5小时')).toBe(true);
  });

  it('never doubles a badge, however often the page mutates or is read', async () => {
    load(douyinFixture({ now: NOW }).html);
    const { bg, session } = start();
    await session.scan();
    for (let i = 0; i < 5; i++) {
      document.querySelector('[data-guide="flag"]')!.setAttribute('data-x', String(i));
      document.querySelector('[data-fx-list] tr')!.append(document.createElement('td'));
      await session.scan();
    }
    expect(badges()).toHaveLength(8);
    // Nothing changed in what was read: one page-read only.
    expect(bg.messages.filter((m) => m.type === 'page-read')).toHaveLength(1);
  });

  it('follows a tab switch: the old rows lose their badges, the new rows get theirs', async () => {
    const f = douyinFixture({ now: NOW });
    load(f.html);
    const { bg, session } = start();
    await session.scan();
    showView('toShip:1');
    await vi.waitFor(() => expect(keys()).toEqual(f.expected.filter((e) => e.tab === 'toShip').map((e) => e.orderId)));
    expect(bg.messages.filter((m) => m.type === 'page-read')).toHaveLength(2);
  });

  it('badges the rows again with verdicts when the merchant pages back to orders already read', async () => {
    load(douyinFixture({ now: NOW, pageSize: 3 }).html);
    const { session } = start();
    await session.scan();
    showView('all:2');
    await session.scan();
    const second = keys();
    showView('all:1');
    await session.scan();
    showView('all:2');
    await session.scan();
    expect(keys()).toEqual(second);
    expect(waitingBadges()).toHaveLength(0);
    expect(badgeTexts().every((t) => t === '发货 剩 5小时')).toBe(true);
  });

  it('re-keys badges when a virtualized list recycles its rows for other orders', async () => {
    const f = douyinFixture({ now: NOW, rows: 16, pageSize: 8 });
    load(f.html);
    const { session } = start();
    await session.scan();
    const before = badges();
    showView('all:2', true);
    await session.scan();
    expect(keys()).toEqual(f.expected.slice(8, 16).map((e) => e.orderId));
    expect(badges()).toHaveLength(8);
    expect(before.filter((b) => b.isConnected).length).toBeLessThanOrEqual(8);
  });

  it('badges unreadable rows grey with the reason and leaves them out of evaluation', async () => {
    const f = douyinFixture({ now: NOW, broken: true });
    load(f.html);
    const { bg, session } = start();
    await session.scan();
    const read = bg.messages.find((m) => m.type === 'page-read');
    if (read?.type !== 'page-read') throw new Error('no page-read');
    expect(read.orders).toHaveLength(5);
    expect(read.unreadable).toHaveLength(3);
    const grey = unreadableBadges();
    expect(grey).toHaveLength(3);
    // The reason is in the badge's spoken label, and in its popover once hovered.
    expect(grey.map((b) => computeAccessibleName(b.shadowRoot!.querySelector('button')!))).toContainEqual(expect.stringContaining('下单时间无法解析：2024/13/45 25:61:00'));
    for (const b of grey) b.dispatchEvent(new MouseEvent('mouseenter'));
    expect(grey.map((b) => b.shadowRoot!.querySelector('.title')!.textContent)).toContain('下单时间无法解析：2024/13/45 25:61:00');
  });

  it("badges a row whose text can't be read with its order from the page's own data, when the data has it", async () => {
    const f = douyinFixture({ now: NOW, broken: true });
    load(f.html);
    // The row with a garbled order time still prints its id, and goes by it; a row with no id goes by its place.
    const readings = readAll(adapterFor('douyin'), document.body);
    const garbled = readings.find((r) => !r.ok && r.problem.field === '下单时间');
    if (!garbled || garbled.ok) throw new Error('no garbled row');
    expect(garbled.rowKey).toMatch(/^\d{19}$/);
    expect(readings.find((r) => !r.ok && r.problem.code === 'no-order-id')).toMatchObject({ rowKey: expect.stringMatching(/^#\d+$/) });
    const known = readings.find((r) => r.ok)!;
    const data = { orders: new Map([[garbled.rowKey, { ...(known.ok && known.order)!, orderId: garbled.rowKey, source: 'json' as const }]]), cases: new Map() };
    const { bg, session } = start({ join: (reading, now) => joinPageData(reading, data, now) });
    await session.scan();
    const read = bg.messages.find((m) => m.type === 'page-read');
    if (read?.type !== 'page-read') throw new Error('no page-read');
    expect(read.orders.find((o) => o.orderId === garbled.rowKey)?.source).toBe('json');
    expect(read.unreadable).toHaveLength(2);
    expect(faceText(badgeOf(garbled.rowKey))).toBe('发货 剩 5小时');
    expect(unreadableBadges()).toHaveLength(2);
  });

  it("keeps a row whose text can't be read unreadable though another row shows the same order", async () => {
    const f = douyinFixture({ now: NOW, broken: true });
    load(f.html);
    const garbled = readAll(adapterFor('douyin'), document.body).find((r) => !r.ok && r.problem.field === '下单时间');
    if (!garbled || garbled.ok) throw new Error('no garbled row');
    // Another row of the list prints the same order id, readably.
    const label = [...document.querySelectorAll('[data-fx-list] span')].find((s) => s.textContent!.startsWith('订单编号') && !s.textContent!.includes(garbled.rowKey))!;
    (label.firstChild as Text).data = `订单编号 ${garbled.rowKey}`;
    const { session } = start();
    await session.scan();
    const shown = badges().filter((b) => b.getAttribute('data-shouyue-key') === garbled.rowKey);
    expect(shown).toHaveLength(2);
    expect(shown.filter((b) => b.shadowRoot!.querySelector('button.s-unreadable'))).toHaveLength(1);
  });

  it('badges an order the background rejects as unreadable, and sends it again only once it reads differently', async () => {
    const f = douyinFixture({ now: NOW });
    load(f.html);
    const { bg, session } = start();
    const id = f.expected[2]!.orderId;
    await session.scan();
    // The schema allows at most ¥1,000,000,000: the reader takes the number, the background does not.
    const amount = [...document.querySelectorAll('[class*="index_amount"]')][2]!;
    const printed = amount.textContent!;
    amount.textContent = '¥99999999999.00';
    await session.scan();
    expect(computeAccessibleName(badgeOf(id).shadowRoot!.querySelector('button')!)).toContain('数据不完整：amount');
    expect(unreadableBadges()).toEqual([badgeOf(id)]);

    // Read again as it is: not sent again, but reported as an unreadable row.
    const before = bg.messages.length;
    document.querySelector('[data-guide="flag"]')!.setAttribute('data-x', '1');
    await session.tick();
    amount.append('');
    await session.scan();
    const later = bg.messages.slice(before).filter((m) => m.type === 'page-read');
    expect(later.flatMap((m) => (m.type === 'page-read' ? m.orders.map((o) => o.orderId) : []))).not.toContain(id);
    expect(bg.messages.slice(before).flatMap((m) => (m.type === 'verdicts' ? m.orderIds : []))).not.toContain(id);

    // The page prints a readable amount again: the order is sent and its clock shown.
    amount.textContent = printed;
    await session.scan();
    const last = bg.messages.at(-1)!;
    expect(last.type === 'page-read' && last.orders.map((o) => o.orderId)).toEqual([id]);
    expect(last.type === 'page-read' && last.unreadable).toEqual([]);
    expect(badgeOf(id).shadowRoot!.querySelector('button')!.textContent).toContain('发货 剩 5小时');
  });

  it('ticks the countdown without reading the page again: only the verdicts query is sent', async () => {
    load(douyinFixture({ now: NOW }).html);
    const adapter = { ...adapterFor('douyin') };
    const findRows = vi.spyOn(adapter, 'findRows');
    const { bg, session } = start({ adapter });
    await session.scan();
    const reads = findRows.mock.calls.length;
    const sent = bg.messages.length;
    await session.tick();
    expect(findRows.mock.calls.length).toBe(reads);
    expect(bg.messages.slice(sent).map((m) => m.type)).toEqual(['verdicts']);
  });

  it('draws each badge once per tick: the background confirming the countdowns draws none again, a new state is drawn', async () => {
    const f = douyinFixture({ now: NOW });
    load(f.html);
    const bg = fakeBackground();
    let confirm = true;
    let clock = NOW;
    const send = async (m: IncomingMessage) => {
      const reply = await bg.send(m);
      if (m.type === 'page-read') return reply;
      // The background counts from its own clock, a moment after the page's; or it says one order is critical.
      const counted = reply.verdicts.map((v) => {
        const timeLeftMs = v.deadline! - clock - 7;
        return { ...v, timeLeftMs, state: openState(timeLeftMs, v.windowMs!, reply.thresholds) };
      });
      if (!confirm) counted[0] = { ...counted[0]!, state: 'critical' };
      return { ...reply, verdicts: counted };
    };
    const { session } = start({ send, now: () => clock });
    await session.scan();
    const drawn = vi.mocked(badgeContent);
    drawn.mockClear();
    clock = NOW + 60_000;
    await session.tick();
    expect(drawn).toHaveBeenCalledTimes(f.expected.length);
    expect(badgeTexts().every((t) => t === '发货 剩 4小时59分')).toBe(true);
    drawn.mockClear();
    confirm = false;
    clock = NOW + 120_000;
    await session.tick();
    expect(drawn).toHaveBeenCalledTimes(f.expected.length + 1);
    expect(badges()[0]!.shadowRoot!.querySelector('button')!.className).toBe('s-critical');
  });

  it("works out a tick's new words for every badge before writing any (one frame lays them all out)", async () => {
    const f = douyinFixture({ now: NOW });
    load(f.html);
    let clock = NOW;
    const bg = fakeBackground();
    // The background confirms the countdowns as the page counts them.
    const send = async (m: IncomingMessage) => {
      const reply = await bg.send(m);
      return m.type === 'page-read' ? reply : { ...reply, verdicts: reply.verdicts.map((v) => ({ ...v, timeLeftMs: v.deadline! - clock })) };
    };
    const { session } = start({ send, now: () => clock });
    await session.scan();
    const ticked = () => badgeTexts().filter((text) => text === '发货 剩 4小时59分').length;
    // While each badge's words are worked out, how many badges already show the tick's words.
    const shownWhileWorking: number[] = [];
    const drawn = vi.mocked(badgeContent);
    const real = drawn.getMockImplementation()!;
    drawn.mockImplementation((...args) => (shownWhileWorking.push(ticked()), real(...args)));
    clock = NOW + 60_000;
    await session.tick();
    drawn.mockImplementation(real);
    // The tick's own redraw (the background's answer may redraw after it).
    expect(shownWhileWorking.slice(0, f.expected.length)).toEqual(f.expected.map(() => 0));
    expect(ticked()).toBe(f.expected.length);
  });

  it("writes a tick's words in the rest of the slice only when they fit there, else in a task of their own", async () => {
    const f = douyinFixture({ now: NOW });
    load(f.html);
    let clock = NOW;
    // The background does not answer the tick's queries: the badges show the tick's own words.
    const bg = fakeBackground();
    const { session } = start({ now: () => clock, send: (m) => (m.type === 'page-read' ? bg.send(m) : Promise.reject(new Error('asleep'))) });
    await session.scan();
    const pageClock = heldClock();
    // How many badges show `words` when the page gets its first turn after the tick began.
    const shownAtFirstTurn = async (words: string, usedMs: number) => {
      taskBegan();
      pageClock.advance(usedMs);
      let shown = -1;
      setTimeout(() => (shown = badgeTexts().filter((text) => text === words).length), 0);
      await session.tick();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(badgeTexts().filter((text) => text === words)).toHaveLength(f.expected.length);
      return shown;
    };
    clock = NOW + 60_000;
    expect(await shownAtFirstTurn('发货 剩 4小时59分', 0)).toBe(f.expected.length);
    clock = NOW + 120_000;
    expect(await shownAtFirstTurn('发货 剩 4小时58分', SLICE_MS - 0.1)).toBe(0);
  });

  it('draws no badge on a tick when no clock counts down', async () => {
    const f = douyinFixture({ now: NOW });
    load(f.html);
    const bg = fakeBackground();
    const send = async (m: IncomingMessage) => {
      const reply = await bg.send(m);
      return { ...reply, verdicts: reply.verdicts.map((v) => ({ ...v, state: 'met' as const, timeLeftMs: undefined })) };
    };
    const { session, setClock } = start({ send });
    await session.scan();
    const drawn = vi.mocked(badgeContent);
    drawn.mockClear();
    setClock(NOW + 60_000);
    await session.tick();
    expect(drawn).not.toHaveBeenCalled();
    expect(badges()).toHaveLength(f.expected.length);
  });

  it('shows new badges waiting when the background is slow to answer', async () => {
    load(douyinFixture({ now: NOW, rows: 2 }).html);
    let asked = 0;
    const { session } = start({ send: () => (asked++, new Promise(() => {})), showWaitingAfterMs: 100 });
    void session.scan();
    await vi.waitFor(() => expect(asked).toBe(1));
    expect(badges()).toHaveLength(0);
    await vi.waitFor(() => expect(badgeTexts()).toEqual(['↻ 守约 …', '↻ 守约 …']));
  });

  it('puts new badges on the page together, each already showing its verdict (the list is laid out once)', async () => {
    load(douyinFixture({ now: NOW, rows: 20, pageSize: 20 }).html);
    const added: { text: string | null; width: string }[][] = [];
    const seen = new MutationObserver((records) =>
      added.push(records.flatMap((r) => [...r.addedNodes].filter((n): n is HTMLElement => n.nodeName === 'SHOUYUE-BADGE').map((b) => ({ text: faceText(b), width: b.style.width })))),
    );
    seen.observe(document.body, { childList: true, subtree: true });
    const { session } = start();
    await session.scan();
    seen.disconnect();
    expect(added.filter((batch) => batch.length)).toHaveLength(1);
    expect(added.flat()).toHaveLength(20);
    expect(added.flat().filter((b) => b.text === '↻ 守约 …')).toEqual([]);
    expect(added.flat().map((b) => b.text)).toEqual(badgeTexts());
    expect(added.flat().map((b) => b.width)).toEqual(badges().map((b) => (b as HTMLElement).style.width));
  });

  it("draws a reply's badges in a task after the reply's own (decoding a long reply used that task's slice)", async () => {
    load(douyinFixture({ now: NOW, rows: 3, pageSize: 3 }).html);
    const clock = heldClock();
    const bg = fakeBackground();
    let deliver: (() => void) | undefined;
    const send = (m: IncomingMessage) => new Promise<VerdictsReply>((resolve) => (deliver = () => void bg.send(m).then(resolve)));
    const { session } = start({ send });
    const scanned = session.scan();
    await vi.waitFor(() => expect(deliver).toBeDefined());
    const drawn = vi.mocked(badgeContent);
    drawn.mockClear();
    // The reply comes in a task of its own, a moment later; the task after it is the page's turn.
    let inReplyTask = true;
    clock.advance(50);
    setTimeout(() => (inReplyTask = false), 0);
    const drawnInReplyTask: boolean[] = [];
    const real = drawn.getMockImplementation()!;
    drawn.mockImplementation((...args) => (drawnInReplyTask.push(inReplyTask), real(...args)));
    deliver!();
    await scanned;
    drawn.mockImplementation(real);
    expect(drawnInReplyTask).toEqual([false, false, false]);
    expect(badgeTexts()).toEqual(['发货 剩 5小时', '发货 剩 5小时', '发货 剩 5小时']);
  });

  it('keeps waiting, drawing nothing from it, when the answer is not a reply', async () => {
    load(douyinFixture({ now: NOW, rows: 2 }).html);
    const bg = fakeBackground();
    const garbled = [{ ok: true }, { ok: true, now: NOW, lang: 'zh', verdicts: 'all met' }, async (m: IncomingMessage) => ({ ...(await bg.send(m)), verdicts: [{ state: 'met' }] })];
    for (const answer of garbled) {
      session?.stop();
      const { session: s } = start({ send: async (m) => (typeof answer === 'function' ? answer(m) : answer) });
      await s.scan();
      expect(badgeTexts()).toEqual(['↻ 守约 …', '↻ 守约 …']);
    }
  });

  it('moves a countdown locally when the background does not answer, and turns it critical on time', async () => {
    load(douyinFixture({ now: NOW, rows: 1 }).html);
    let clock = NOW;
    const bg = fakeBackground();
    let answering = true;
    session = startPage({
      adapter: adapterFor('douyin'), doc: document, location: () => LIST_URL, now: () => clock, rules: ruleLookup(CATALOG), tickMs: 1e9,
      send: (m) => (answering ? bg.send(m) : Promise.reject(new Error('asleep'))),
    });
    await session.scan();
    expect(badgeTexts()).toEqual(['发货 剩 5小时']);
    answering = false;
    clock = NOW + 4 * HOUR + 31 * 60_000;
    await session.tick();
    expect(badgeTexts()).toEqual(['发货 剩 29分']);
    expect(badges()[0]!.shadowRoot!.querySelector('button')!.className).toBe('s-critical');
  });

  it('speaks the language the background answers in', async () => {
    load(douyinFixture({ now: NOW, rows: 1 }).html);
    const { bg, session } = start();
    bg.setLang('en');
    await session.scan();
    expect(badgeTexts()).toEqual(['Ship 5h left']);
  });

  it('removes its badges when the SPA navigates away from the list, and when stopped', async () => {
    load(douyinFixture({ now: NOW }).html);
    const { session, goTo } = start();
    await session.scan();
    expect(badges()).toHaveLength(8);
    goTo('https://fxg.jinritemai.com/ffa/mshop/homepage/index');
    session.navigated();
    await session.scan();
    expect(badges()).toHaveLength(0);
    goTo(LIST_URL);
    session.navigated();
    await session.scan();
    expect(badges()).toHaveLength(8);
    session.stop();
    expect(badges()).toHaveLength(0);
  });

  it('runs once per page: a second start returns the running session', () => {
    load(douyinFixture({ now: NOW, rows: 1 }).html);
    const { session } = start();
    expect(startPage({ adapter: adapterFor('douyin'), doc: document, location: () => LIST_URL, send: async () => undefined, rules: ruleLookup(CATALOG) })).toBe(session);
  });

  it('keeps going when one row throws', async () => {
    const f = kuaishouFixture({ now: NOW });
    load(f.html);
    const adapter = { ...adapterFor('kuaishou') };
    const read = adapter.read;
    let calls = 0;
    adapter.read = (row, ctx) => {
      if (calls++ === 1) throw new TypeError('boom');
      return read(row, ctx);
    };
    const { bg, session } = start({ adapter, location: () => 'https://s.kwaixiaodian.com/zone/order/list' });
    await session.scan();
    const msg = bg.messages.find((m) => m.type === 'page-read');
    expect(msg?.type === 'page-read' && [msg.orders.length, msg.unreadable.length]).toEqual([7, 1]);
    expect(badges()).toHaveLength(8);
  });

  it('never turns page text into HTML', async () => {
    load(douyinFixture({ now: NOW, rows: 16 }).html);
    expect(document.body.textContent).toContain(HOSTILE_TEXT);
    const { session } = start();
    await session.scan();
    expect(document.querySelectorAll('img').length).toBe(0);
    for (const b of badges()) expect(b.shadowRoot!.querySelector('img')).toBeNull();
  });

  /** The page's own script re-renders order `index` (or edits it in place) with its ship-by time two hours later. */
  /** The keys of the badges drawn (anything in their shadow roots changed) until `stop`. */
  function watchRedraws() {
    const keys = new Set<string>();
    const watchers = badges().map((b) => {
      const o = new MutationObserver(() => keys.add(b.getAttribute('data-shouyue-key')!));
      o.observe(b.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
      return o;
    });
    return { keys, stop: () => watchers.forEach((o) => o.disconnect()) };
  }

  function rerenderLater(index: number, inPlace = false): string {
    const header = [...document.querySelectorAll('[data-fx-list] > tr[data-row-key]')].filter((tr) => !tr.getAttribute('data-row-key')!.includes('-child'))[index]!;
    const fresh = inPlace ? header : (header.cloneNode(true) as Element);
    const span = [...fresh.querySelectorAll('span')].find((s) => s.textContent?.startsWith('承诺发货时间'))!;
    span.textContent = span.textContent!.replace(/(\d{2}):(\d{2}):(\d{2})$/, (_, h: string, m: string, sec: string) => `${String((Number(h) + 2) % 24).padStart(2, '0')}:${m}:${sec}`);
    if (!inPlace) header.replaceWith(fresh);
    return header.getAttribute('data-row-key')!;
  }

  it('sends only the orders that changed, with the page row count, and redraws only their badges', async () => {
    load(douyinFixture({ now: NOW }).html);
    const { bg, session } = start();
    await session.scan();
    const before = new Set(badges());
    const redrawn = watchRedraws();
    const changed = rerenderLater(1);
    await session.scan();
    redrawn.stop();
    const reads = bg.messages.filter((m) => m.type === 'page-read');
    expect(reads).toHaveLength(2);
    expect(reads[1]!.type === 'page-read' && reads[1]!.orders.map((o) => o.orderId)).toEqual([changed]);
    expect(reads[1]!.type === 'page-read' && reads[1]!.rows).toBe(8);
    // The re-rendered row's badge moved into its new element and was redrawn; the seven others were not touched.
    expect([...redrawn.keys]).toEqual([changed]);
    expect(badges().every((b) => before.has(b))).toBe(true);
    expect(badges()).toHaveLength(8);
    expect(badgeTexts().every((t) => t === '发货 剩 5小时')).toBe(true);
  });

  it('looks only at the rows a change touched, in place or re-rendered: the badges of rows left alone are not visited', async () => {
    load(douyinFixture({ now: NOW, rows: 30, pageSize: 30 }).html);
    const { session } = start();
    await session.scan();
    expect(badges()).toHaveLength(30);
    const headers = [...document.querySelectorAll('[data-fx-list] > tr[data-row-key]')].filter((tr) => !tr.getAttribute('data-row-key')!.includes('-child'));
    const shipping = headers.flatMap((tr, i) => ([...tr.querySelectorAll('span')].some((s) => s.textContent!.startsWith('承诺发货时间')) ? [i] : []));
    for (const inPlace of [false, true]) {
      const before = new Set(badges());
      const redrawn = watchRedraws();
      const looked = vi.spyOn(Node.prototype, 'isConnected', 'get');
      const changed = rerenderLater(shipping[inPlace ? 1 : 0]!, inPlace);
      await session.scan();
      const visited = new Set(looked.mock.contexts.filter((n): n is Element => n instanceof Element && n.tagName === 'SHOUYUE-BADGE'));
      looked.mockRestore();
      redrawn.stop();
      expect([...visited].map((b) => b.getAttribute('data-shouyue-key'))).toEqual([changed]);
      // Every row keeps its badge (the changed one moved into the new row); only the changed one was drawn again.
      expect(badges()).toHaveLength(30);
      expect(badges().every((b) => before.has(b))).toBe(true);
      expect([...redrawn.keys]).toEqual([changed]);
    }
  });

  it('shows a changed order as waiting, never with its old countdown, until the background answers', async () => {
    load(douyinFixture({ now: NOW }).html);
    const background = holdingAfterFirst();
    const { session } = start({ send: background.send, showWaitingAfterMs: 50 });
    await session.scan();
    const changed = rerenderLater(2);
    const scanning = session.scan();
    await vi.waitFor(() => expect(background.held()).toBe(true));
    // Its badge comes back when the background answers, or waiting if it is slow to: never as it was.
    expect(badgeOf(changed)).toBeUndefined();
    await vi.waitFor(() => expect(badgeOf(changed).shadowRoot!.querySelector('button.s-waiting')).not.toBeNull());
    expect(waitingBadges()).toHaveLength(1);
    background.release();
    await scanning;
    expect(badgeOf(changed).shadowRoot!.querySelector('button.s-waiting')).toBeNull();
  });

  it("shows an order as waiting when the page's own data changed it, though its row was left alone", async () => {
    load(douyinFixture({ now: NOW }).html);
    const background = holdingAfterFirst();
    let moved: string | undefined;
    // The page's data (issue 7) later moves one order's ship-by: the DOM row stays as it was.
    const join: PageDeps['join'] = (reading) => ({
      ...reading,
      orders: reading.orders.map((o) => (o.orderId === moved ? { ...o, timeline: { ...o.timeline, shipBy: NOW + 5 * HOUR } } : o)),
    });
    const { session } = start({ send: background.send, join });
    await session.scan();
    moved = keys()[0]!;
    expect(waitingBadges()).toHaveLength(0);
    session.dataChanged();
    await vi.waitFor(() => expect(background.held()).toBe(true));
    expect(waitingBadges()).toEqual([badgeOf(moved)]);
    background.release();
    await vi.waitFor(() => expect(waitingBadges()).toHaveLength(0));
  });

  /** The douyin adapter, counting the rows it reads. */
  function countingAdapter() {
    const base = adapterFor('douyin');
    const counter = {
      reads: 0,
      searches: 0,
      adapter: {
        ...base,
        read: (...a: Parameters<typeof base.read>) => (counter.reads++, base.read(...a)),
        findRows: (...a: Parameters<typeof base.findRows>) => (counter.searches++, base.findRows(...a)),
      },
    };
    return counter;
  }

  it('does not search the page again when it rewrote only texts inside rows, and reads those rows again', async () => {
    load(douyinFixture({ now: NOW }).html);
    const counter = countingAdapter();
    const { bg, session } = start({ adapter: counter.adapter });
    await session.scan();
    expect(counter.searches).toBe(1);
    // React updating a row in place: the ship-by text node gets new data.
    const shipBy = [...document.querySelectorAll('[data-fx-list] span')].find((s) => s.textContent!.startsWith('承诺发货时间'))!;
    const order = shipBy.closest('tr')!.getAttribute('data-row-key');
    (shipBy.firstChild as Text).data = '承诺发货时间 2026/11/24 08:00:00';
    counter.reads = 0;
    await session.scan();
    expect(counter.searches).toBe(1);
    expect(counter.reads).toBe(1);
    const last = bg.messages.at(-1)!;
    expect(last.type === 'page-read' && last.orders.map((o) => [o.orderId, o.timeline?.shipBy])).toEqual([[order, Date.UTC(2026, 10, 24, 0, 0, 0)]]);
    // A row's order id rewritten (a recycled row): the labels changed, so the page is searched again.
    const label = [...document.querySelectorAll('[data-fx-list] span')].find((s) => s.textContent!.startsWith('订单编号'))!;
    (label.firstChild as Text).data = '订单编号 7000000000000001';
    await session.scan();
    expect(counter.searches).toBe(2);
    expect(keys()).toContain('7000000000000001');
    // An element added between rows: searched again.
    document.querySelector('[data-fx-list]')!.append(document.createElement('tr'));
    await session.scan();
    expect(counter.searches).toBe(3);
  });

  it('puts back a badge the page took out of a row it left alone', async () => {
    load(douyinFixture({ now: NOW }).html);
    const { session } = start();
    await session.scan();
    badges()[2]!.remove();
    expect(badges()).toHaveLength(7);
    await session.scan();
    expect(badges()).toHaveLength(8);
  });

  it('reads again only the rows the page touched, however deep the change', async () => {
    load(douyinFixture({ now: NOW }).html);
    const counter = countingAdapter();
    const { bg, session } = start({ adapter: counter.adapter });
    await session.scan();
    expect(counter.reads).toBe(8);
    counter.reads = 0;
    await session.scan();
    expect(counter.reads).toBe(0);
    // A text node deep inside the third order's sub-order row: only that order is read again.
    const third = [...document.querySelectorAll('[data-fx-list] > tr[data-row-key]')].filter((tr) => !tr.getAttribute('data-row-key')!.includes('-child'))[2]!;
    const deep = [...third.nextElementSibling!.querySelectorAll('*')].reverse().find((e) => e.childNodes[0]?.nodeType === 3)!;
    (deep.childNodes[0] as Text).data += ' ';
    await session.scan();
    expect(counter.reads).toBe(1);
    expect(bg.messages.filter((m) => m.type === 'page-read')).toHaveLength(1);
  });

  it('carries rows the page re-rendered as new elements in their place, without searching the page again', async () => {
    load(douyinFixture({ now: NOW }).html);
    const counter = countingAdapter();
    const { bg, session } = start({ adapter: counter.adapter });
    await session.scan();
    const headers = () => [...document.querySelectorAll('[data-fx-list] > tr[data-row-key]')].filter((tr) => !tr.getAttribute('data-row-key')!.includes('-child'));
    const before = new Map(badges().map((b) => [b.getAttribute('data-shouyue-key'), b.shadowRoot!.textContent]));
    // Two header rows re-rendered: new elements (cloned with our badges: copies without a shadow root).
    const swapped = [headers()[1]!, headers()[4]!].map((tr) => {
      const fresh = tr.cloneNode(true) as Element;
      tr.replaceWith(fresh);
      return fresh;
    });
    counter.reads = 0;
    await session.scan();
    expect(counter.searches).toBe(1);
    expect(counter.reads).toBe(2);
    // Each swapped row has one working badge, and every badge says what it said.
    for (const tr of swapped) expect(tr.querySelectorAll('shouyue-badge')).toHaveLength(1);
    expect(badges()).toHaveLength(8);
    expect(new Map(badges().map((b) => [b.getAttribute('data-shouyue-key'), b.shadowRoot!.textContent]))).toEqual(before);
    expect(bg.messages.filter((m) => m.type === 'page-read')).toHaveLength(1);
    // A new element built differently in a row's place: the page is searched again.
    const other = document.createElement('tr');
    other.append(document.createElement('td'));
    headers()[2]!.replaceWith(other);
    await session.scan();
    expect(counter.searches).toBe(2);
  });

  it('carries re-rendered rows over in a task of its own when the label walk before it used the slice', async () => {
    load(douyinFixture({ now: NOW }).html);
    const { session } = start();
    await session.scan();
    const header = [...document.querySelectorAll('[data-fx-list] > tr[data-row-key]')].find((tr) => !tr.getAttribute('data-row-key')!.includes('-child'))!;
    const fresh = header.cloneNode(true) as Element;
    header.replaceWith(fresh);
    const clock = heldClock();
    // The walk ends with its slice used; the task it ends in is over at the page's next turn.
    const walk = vi.mocked(refreshLabels);
    const realWalk = walk.getMockImplementation()!;
    let inWalkTask = false;
    walk.mockImplementation(async (...args) => {
      const done = await realWalk(...args);
      clock.advance(SLICE_MS);
      inWalkTask = true;
      setTimeout(() => (inWalkTask = false), 0);
      return done;
    });
    onTestFinished(() => void walk.mockImplementation(realWalk));
    const carry = vi.mocked(carryRows);
    const realCarry = carry.getMockImplementation()!;
    const carriedInWalkTask: boolean[] = [];
    carry.mockImplementation((...args) => (carriedInWalkTask.push(inWalkTask), realCarry(...args)));
    onTestFinished(() => void carry.mockImplementation(realCarry));
    taskBegan();
    await session.scan();
    expect(carriedInWalkTask).toEqual([false]);
    expect(fresh.querySelectorAll('shouyue-badge')).toHaveLength(1);
  });

  it('loses no change when a reading is cut short by navigation', async () => {
    load(douyinFixture({ now: NOW }).html);
    const { bg, session } = start();
    await session.scan();
    const changed = rerenderLater(1, true);
    // A busy page: every slice of work runs out at once, so the reading yields before it gets far.
    let t = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (t += 50));
    const cut = session.scan();
    session.navigated();
    await cut;
    clock.mockRestore();
    await session.scan();
    const sentOf = (id: string) => bg.messages.flatMap((m) => (m.type === 'page-read' ? m.orders.filter((o) => o.orderId === id) : []));
    const shipBys = sentOf(changed).map((o) => Number(o.timeline?.shipBy));
    expect(shipBys).toHaveLength(2);
    expect(shipBys[1]! - shipBys[0]!).toBe(2 * HOUR);
  });

  it('sends a long list in messages of at most 150 orders, each with the page row count, and ticks with its queries all out at once', async () => {
    load(douyinFixture({ now: NOW, rows: 320, pageSize: 320 }).html);
    const bg = fakeBackground();
    // The background holds its answers to the tick's queries until three are out (or a second after the first).
    let out = 0;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const send = async (m: IncomingMessage) => {
      if (m.type === 'verdicts') {
        if (++out === 1) setTimeout(release, 1000);
        if (out === 3) release();
        await held;
      }
      return bg.send(m);
    };
    const { session } = start({ send });
    await session.scan();
    const reads = bg.messages.flatMap((m) => (m.type === 'page-read' ? [m] : []));
    expect(reads.map((m) => m.orders.length)).toEqual([150, 150, 20]);
    expect(reads.every((m) => m.rows === 320)).toBe(true);
    expect(new Set(reads.flatMap((m) => m.orders.map((o) => o.orderId))).size).toBe(320);
    expect(waitingBadges()).toHaveLength(0);
    const ticked = session.tick();
    await held;
    // All three were sent before any answer came back: the background answers them from one recompute.
    expect(out).toBe(3);
    await ticked;
    expect(bg.messages.flatMap((m) => (m.type === 'verdicts' ? [m.orderIds.length] : []))).toEqual([150, 150, 20]);
  }, 90_000);

  it('reads and badges a long list (120 rows here; 1,000 in the Chromium benchmark)', async () => {
    const f = douyinFixture({ now: NOW, rows: 120, pageSize: 120 });
    load(f.html);
    const { bg, session } = start();
    const started = performance.now();
    await session.scan();
    const read = bg.messages.find((m) => m.type === 'page-read');
    expect(read?.type === 'page-read' && read.orders.length).toBe(120);
    expect(badges()).toHaveLength(120);
    console.log(`120 rows read and badged in ${Math.round(performance.now() - started)} ms (happy-dom)`);
  }, 60_000);
});

describe('page session with a page that clones rows', () => {
  it('replaces a cloned, empty badge element with a working badge', async () => {
    load(douyinFixture({ now: NOW, rows: 2 }).html);
    const { session } = start();
    await session.scan();
    const header = document.querySelector('[data-fx-list] tr')!;
    header.replaceWith(header.cloneNode(true));
    await session.scan();
    expect(badges()).toHaveLength(2);
    expect(badges().every((b) => b.shadowRoot?.querySelector('button'))).toBe(true);
  });
});

describe('page session with a page that ticks its own countdown', () => {
  it('does not resend the orders when only the seconds of a printed countdown move', async () => {
    load(kuaishouFixture({ now: NOW, rows: 1 }).html);
    const status = [...document.querySelectorAll('span')].find((s) => s.textContent === '承诺发货时间：')!;
    status.nextElementSibling!.textContent = '';
    status.textContent = '剩余发货时间：3小时12分05秒';
    const { bg, session } = start({ adapter: adapterFor('kuaishou'), location: () => 'https://s.kwaixiaodian.com/zone/order/list' });
    await session.scan();
    status.textContent = '剩余发货时间：3小时12分04秒';
    await session.scan();
    expect(bg.messages.filter((m) => m.type === 'page-read')).toHaveLength(1);
    status.textContent = '剩余发货时间：2小时05分00秒';
    await session.scan();
    expect(bg.messages.filter((m) => m.type === 'page-read')).toHaveLength(2);
  });
});

describe('page session on a case list', () => {
  it('shows every row of an order as waiting when one of them reads differently, the rows left alone too', async () => {
    const f = douyinServiceFixture({ now: NOW });
    load(f.html);
    const background = holdingAfterFirst();
    const { session } = start({ send: background.send, location: () => f.url });
    await session.scan();
    expect(waitingBadges()).toHaveLength(0);
    const count = new Map<string, number>();
    for (const e of f.expected) if ('ticket' in e) count.set(e.orderId, (count.get(e.orderId) ?? 0) + 1);
    const orderId = [...count].find(([, n]) => n > 1)![0];
    const rows = badges().filter((b) => b.getAttribute('data-shouyue-key') === orderId).map((b) => b.closest('tr')!);
    expect(rows).toHaveLength(2);
    // The page rewrites one ticket's time left in place; the order's other ticket row is left alone.
    const left = [...rows[0]!.querySelectorAll('span')].find((s) => s.textContent!.startsWith('剩余'))!;
    (left.firstChild as Text).data = '剩余 1小时05分';
    const scanning = session.scan();
    await vi.waitFor(() => expect(background.held()).toBe(true));
    expect(waitingBadges().map((b) => b.closest('tr'))).toEqual(rows);
    background.release();
    await scanning;
    expect(waitingBadges()).toHaveLength(0);
  });
  it('badges each ticket row with its own ticket, even when one order has two', async () => {
    const f = douyinServiceFixture({ now: NOW });
    load(f.html);
    // A background that answers one clock per ticket, due one hour per position in the message.
    const due = new Map<string, number>();
    const send = async (m: IncomingMessage): Promise<VerdictsReply> => {
      const tickets = m.type === 'page-read' ? m.orders.flatMap((o) => (o.serviceTickets ?? []).map((t) => ({ orderId: o.orderId, id: t.id }))) : [];
      for (const t of tickets) if (!due.has(t.id)) due.set(t.id, (due.size + 1) * HOUR);
      const verdicts: Verdict[] = tickets.map(({ orderId, id }) => ({
        platform: 'douyin', orderId, ruleId: 'douyin.service-ticket', versionId: 'douyin.service-ticket@base', clock: 'service-ticket', state: 'running',
        informational: false, deadline: NOW + due.get(id)!, timeLeftMs: due.get(id)!, windowMs: 48 * HOUR, deadlineSource: 'platform', subjectId: id,
      }));
      return { ok: true, now: NOW, lang: 'zh', thresholds: { dueSoonFraction: 0.01, dueSoonFloorMinutes: 1, criticalFraction: 0.01, criticalFloorMinutes: 1 }, verdicts };
    };
    let reads = 0;
    const counted = (m: IncomingMessage) => (m.type === 'page-read' && reads++, send(m));
    const { session } = start({ send: counted, location: () => f.url });
    await session.scan();
    // Read again, nothing changed: nothing is sent (two rows of one order are two readings, not one that changed).
    const sends = reads;
    await session.scan();
    expect(reads).toBe(sends);
    const byOrder = new Map<string, string[]>();
    for (const e of f.expected) if ('ticket' in e) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e.ticket.id]);
    const shared = [...byOrder].find(([, ids]) => ids.length > 1);
    expect(shared).toBeDefined();
    const [orderId, ids] = shared!;
    const texts = badges().filter((b) => b.getAttribute('data-shouyue-key') === orderId).map(faceText);
    expect(texts).toEqual(ids.map((id) => `服务单 剩 ${due.get(id)! / HOUR}小时`));
  });
});
