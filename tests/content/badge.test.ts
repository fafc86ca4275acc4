// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BADGE_TAG, createBadgeHost, faceWidthEm, renderBadge } from '@/components/badge/badge';
import { badgeContent, type RuleLookup } from '@/components/badge/view';
import { ruleLookup } from '@/components/badge/rules';
import { CATALOG } from '@/policies/catalog';
import type { Verdict } from '@/policies/verdict';
import { HOSTILE_TEXT } from '../fixtures/pages';
import { computeAccessibleName } from 'dom-accessibility-api';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2026, 10, 23, 14, 0, 0);
const rules: RuleLookup = ruleLookup(CATALOG);

function verdict(v: Partial<Verdict> & Pick<Verdict, 'clock' | 'state'>): Verdict {
  return { platform: 'douyin', orderId: '6900000000000000001', ruleId: 'douyin.ship', versionId: 'douyin.ship@base', informational: false, ...v };
}
const ship = verdict({ clock: 'ship', state: 'critical', deadline: NOW + 3 * HOUR + 12 * MIN, timeLeftMs: 3 * HOUR + 12 * MIN, windowMs: 48 * HOUR, deadlineSource: 'platform' });
const pickup = verdict({ clock: 'pickup', state: 'breached', ruleId: 'douyin.pickup', deadline: NOW - 2 * HOUR, timeLeftMs: -2 * HOUR, deadlineSource: 'rule' });
const afterSales = verdict({ clock: 'after-sales', state: 'critical', deadline: NOW + 40 * MIN, timeLeftMs: 40 * MIN, deadlineSource: 'platform' });
const filed = verdict({ clock: 'ship', state: 'exempt' });
const met = verdict({ clock: 'ship', state: 'met' });

const content = (verdicts: Verdict[], lang: 'zh' | 'en' = 'zh') =>
  badgeContent({ kind: 'verdicts', orderId: '6900000000000000001', verdicts }, lang, rules);

describe('badge words', () => {
  it.each([
    [[ship, met], 'zh', '发货 剩 3小时12分', 'critical'],
    [[met, pickup], 'zh', '揽收 已超时 2小时', 'breached'],
    [[afterSales], 'zh', '售后 剩 40分', 'critical'],
    [[filed], 'zh', '已报备', 'exempt'],
    [[ship], 'en', 'Ship 3h 12m left', 'critical'],
    [[pickup], 'en', 'Pickup 2h overdue', 'breached'],
  ] as const)('%#: shows the most urgent clock in words', (verdicts, lang, text, tone) => {
    const c = content([...verdicts], lang);
    expect(c.text).toBe(text);
    expect(c.tone).toBe(tone);
    expect(c.label.aroundText).toBe(true);
    expect(c.label.before).toContain('6900000000000000001');
  });

  it("writes the sentence for screen readers in the badge's language, around the face's words", () => {
    expect(content([ship], 'zh').label).toEqual({ before: '守约：订单 6900000000000000001，', after: '，截止 11-24 01:12（平台时限）', aroundText: true });
    expect(content([ship], 'en').label).toEqual({ before: 'Shouyue: order 6900000000000000001, ', after: ', Due 11-24 01:12 (platform deadline)', aroundText: true });
    expect(content([filed], 'en').label).toEqual({ before: 'Shouyue: order 6900000000000000001, ', after: '', aroundText: true });
  });

  it('lists every clock in the popover, most urgent first, with deadline, source and consequence', () => {
    const c = content([met, ship, pickup]);
    expect(c.details().rules.map((r) => r.state)).toEqual(['breached', 'critical', 'met']);
    const [first, second] = c.details().rules;
    expect(first!.lines.some((l) => l.includes('截止'))).toBe(true);
    expect(first!.lines.some((l) => l.startsWith('按规则估算'))).toBe(true);
    expect(second!.lines).toContain('平台给出的时限');
    expect(second!.lines.some((l) => l.startsWith('后果：'))).toBe(true);
    expect(second!.lines.some((l) => l.startsWith('依据：'))).toBe(true);
  });

  it('says "checking" before the background answers and "no open deadlines" when nothing applies', () => {
    expect(badgeContent({ kind: 'waiting', orderId: '123456' }, 'zh', rules).text).toBe('守约 …');
    expect(badgeContent({ kind: 'waiting', orderId: '123456' }, 'en', rules).text).toBe('Shouyue …');
    expect(content([verdict({ clock: 'ship', state: 'not-applicable' })]).text).toBe('无待办时限');
  });

  it('gives an unreadable row a grey 无法识别 badge with the reason', () => {
    const problem = { code: 'bad-time', field: '下单时间', text: '2024/13/45 25:61:00' } as const;
    const zh = badgeContent({ kind: 'unreadable', problem }, 'zh', rules);
    expect(zh).toMatchObject({ tone: 'unreadable', text: '无法识别' });
    expect(zh.details().title).toBe('下单时间无法解析：2024/13/45 25:61:00');
    expect(badgeContent({ kind: 'unreadable', problem }, 'en', rules).text).toBe("Can't read");
  });
});

describe('badge element', () => {
  afterEach(() => vi.restoreAllMocks());
  const mount = () => {
    const row = document.createElement('div');
    const host = createBadgeHost(document);
    row.append(host);
    document.body.replaceChildren(row);
    return { row, host };
  };

  it('renders into an open shadow root, keyboard focusable, named by the full sentence', () => {
    const { host } = mount();
    renderBadge(host, content([ship]));
    const button = host.shadowRoot!.querySelector('button')!;
    expect(host.tagName.toLowerCase()).toBe(BADGE_TAG);
    expect(button.className).toBe('s-critical');
    expect(button.textContent).toBe('‼发货 剩 3小时12分');
    expect(computeAccessibleName(button)).toBe('守约：订单 6900000000000000001， 发货 剩 3小时12分 ，截止 11-24 01:12（平台时限）');
    expect(button.tabIndex).toBe(0);
  });

  it("moves a countdown by its face's words alone: the sentence is written around them, not again", () => {
    const { host } = mount();
    const at = (left: number) => content([{ ...ship, timeLeftMs: left }]);
    renderBadge(host, at(3 * HOUR + 12 * MIN));
    const root = host.shadowRoot!;
    const changed: Node[] = [];
    const observer = new MutationObserver((records) => changed.push(...records.map((r) => r.target)));
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    renderBadge(host, at(3 * HOUR + 11 * MIN));
    const records = observer.takeRecords();
    observer.disconnect();
    expect(new Set([...changed, ...records.map((r) => r.target)])).toEqual(new Set([root.querySelector('.text')]));
    expect(computeAccessibleName(root.querySelector('button')!)).toContain('发货 剩 3小时11分');
  });

  const hover = (host: Element) => host.dispatchEvent(new MouseEvent('mouseenter'));
  const unhover = (host: Element) => host.dispatchEvent(new MouseEvent('mouseleave'));

  it('is idempotent: new content replaces, never appends', () => {
    const { host } = mount();
    renderBadge(host, content([ship, pickup]));
    renderBadge(host, content([ship, pickup]));
    hover(host);
    expect(host.shadowRoot!.querySelectorAll('li')).toHaveLength(2);
    unhover(host);
    renderBadge(host, content([afterSales]));
    hover(host);
    expect(host.shadowRoot!.querySelectorAll('button')).toHaveLength(1);
    expect(host.shadowRoot!.querySelectorAll('li')).toHaveLength(1);
    expect(host.shadowRoot!.querySelector('.pop')!.textContent).toContain('售后');
  });

  it('writes the popover when it first opens, and at once while it is open', () => {
    const { host } = mount();
    const pop = host.shadowRoot!.querySelector('.pop')!;
    renderBadge(host, content([ship]));
    expect(pop.textContent).toBe('');
    hover(host);
    expect(pop.textContent).toContain('发货');
    expect(pop.textContent).toContain('平台给出的时限');
    renderBadge(host, content([pickup]));
    expect(pop.textContent).toContain('按规则估算');
    expect(host.shadowRoot!.querySelectorAll('li')).toHaveLength(1);
  });

  it('gives every badge its own shadow content (cloned, never shared)', () => {
    const a = createBadgeHost(document);
    const b = createBadgeHost(document);
    document.body.replaceChildren(a, b);
    renderBadge(a, content([ship]));
    renderBadge(b, content([pickup]));
    expect(a.shadowRoot!.querySelector('.text')!.textContent).toBe('发货 剩 3小时12分');
    expect(b.shadowRoot!.querySelector('.text')!.textContent).toBe('揽收 已超时 2小时');
  });

  it('styles every badge of a document from one sheet they share', () => {
    const a = createBadgeHost(document);
    const b = createBadgeHost(document);
    const [sheet] = a.shadowRoot!.adoptedStyleSheets;
    expect(b.shadowRoot!.adoptedStyleSheets).toEqual([sheet]);
    expect([...sheet!.cssRules].map((r) => r.cssText).join('\n')).toContain('.pop');
    expect(a.shadowRoot!.querySelector('style')).toBeNull();
  });

  it('gives each badge a <style> of its own where the page refuses a shared sheet, and stops asking', () => {
    const win = new Window();
    const refuse = vi.spyOn(win.ShadowRoot.prototype, 'adoptedStyleSheets', 'set').mockImplementation(() => {
      throw new win.DOMException('Sharing constructed stylesheets in multiple documents is not allowed', 'NotAllowedError');
    });
    const doc = win.document as unknown as Document;
    const [a, b] = [createBadgeHost(doc), createBadgeHost(doc)];
    for (const host of [a, b]) expect(host.shadowRoot!.querySelector('style')!.textContent).toContain('.pop');
    expect(refuse).toHaveBeenCalledTimes(1);
    renderBadge(b, content([pickup]));
    expect(b.shadowRoot!.querySelector('.text')!.textContent).toBe('揽收 已超时 2小时');
  });

  it('opens its popover on focus and hover, closes on Escape and blur', () => {
    const { host } = mount();
    renderBadge(host, content([ship]));
    const pop = host.shadowRoot!.querySelector('.pop')!;
    host.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(pop.classList.contains('open')).toBe(true);
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(pop.classList.contains('open')).toBe(false);
    host.dispatchEvent(new MouseEvent('mouseenter'));
    expect(pop.classList.contains('open')).toBe(true);
    host.dispatchEvent(new MouseEvent('mouseleave'));
    expect(pop.classList.contains('open')).toBe(false);
  });

  it('keeps a box of fixed width that only widens, whatever it shows next (waiting included)', () => {
    const { host } = mount();
    renderBadge(host, badgeContent({ kind: 'waiting', orderId: '6900000000000000001' }, 'zh', rules));
    expect(host.style.width).toBe('12em');
    const long = verdict({ clock: 'service-ticket', state: 'breached', deadline: NOW - 300 * HOUR, timeLeftMs: -300 * HOUR, note: 'counted-from-payment' });
    renderBadge(host, content([long]));
    const wide = parseFloat(host.style.width);
    expect(wide).toBeGreaterThan(12);
    renderBadge(host, content([ship]));
    renderBadge(host, badgeContent({ kind: 'waiting', orderId: '6900000000000000001' }, 'zh', rules));
    expect(parseFloat(host.style.width)).toBe(wide);
  });

  it('waits with its own words in place of the last ones, which it keeps written for the same words back', () => {
    const { host } = mount();
    renderBadge(host, content([ship]));
    const button = host.shadowRoot!.querySelector('button')!;
    const words = button.querySelector('.text')!.firstChild;
    renderBadge(host, badgeContent({ kind: 'waiting', orderId: '6900000000000000001' }, 'zh', rules));
    expect(button.className).toBe('s-waiting');
    expect(button.querySelector('.wait')!.textContent).toBe('↻ 守约 …');
    expect(computeAccessibleName(button)).toBe('守约正在计算订单 6900000000000000001 的时限');
    // What shows is the CSS's doing: the e2e badge test looks at a waiting badge in the browsers.
    renderBadge(host, content([ship]));
    expect(button.className).toBe('s-critical');
    expect(button.querySelector('.text')!.firstChild).toBe(words);
    expect(computeAccessibleName(button)).toBe('守约：订单 6900000000000000001， 发货 剩 3小时12分 ，截止 11-24 01:12（平台时限）');
  });

  it("gives the face's characters room: wide characters 1em, ASCII less, in 2em steps from 12em", () => {
    expect(faceWidthEm('发货')).toBe(12);
    const zh = faceWidthEm('服务单 已超时 12天23小时（自付款起算）');
    const en = faceWidthEm('Ticket 12d 23h overdue (counted from payment)');
    for (const w of [zh, en]) expect(w % 2).toBe(0);
    // 16 wide characters, 6 ASCII, the icon and 20px of frame.
    expect(zh).toBe(Math.ceil((16 + 6 * 0.62 + 1 + 20 / 12) / 2) * 2);
    expect(en).toBeGreaterThan(zh);
    expect(faceWidthEm('揽收 已超时 2小时')).toBeLessThanOrEqual(faceWidthEm('揽收 已超时 12小时'));
  });

  it("keeps clicks to itself so the row's own click handler does not fire", () => {
    const { row, host } = mount();
    let rowClicks = 0;
    row.addEventListener('click', () => rowClicks++);
    host.shadowRoot!.querySelector('button')!.click();
    expect(rowClicks).toBe(0);
  });

  it('inserts hostile text as text, never as HTML', () => {
    const { host } = mount();
    renderBadge(host, badgeContent({ kind: 'unreadable', problem: { code: 'bad-time', field: '下单时间', text: HOSTILE_TEXT } }, 'zh', rules));
    renderBadge(host, badgeContent({ kind: 'verdicts', orderId: HOSTILE_TEXT, verdicts: [ship] }, 'zh', rules));
    hover(host);
    expect(host.shadowRoot!.querySelector('img')).toBeNull();
    expect(host.shadowRoot!.textContent).toContain(HOSTILE_TEXT);
  });
});
