// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FIXTURE_PAGES, PRIVATE_STRINGS, TABS } from '../fixtures/pages';
import { douyinFixture } from '../fixtures/pages/douyin';
import { NOW, adapterFor, expectedOrders, parsePage, readAll } from './helpers';

/** A permutation that moves every column: rotate by one, then reverse. */
const shuffled = (n: number) => Array.from({ length: n }, (_, i) => (i + 1) % n).reverse();

describe.each(FIXTURE_PAGES)('$platform adapter on its fixture page', { timeout: 20_000 }, ({ platform, fixture, columnCount }) => {
  const adapter = adapterFor(platform);

  it('reads exactly the orders the page shows', () => {
    const f = fixture({ now: NOW, pageSize: 100 });
    const readings = readAll(adapter, parsePage(f.html).body);
    expect(readings.filter((r) => !r.ok)).toEqual([]);
    expect(readings.map((r) => r.ok && r.order)).toEqual(expectedOrders(f.expected));
  });

  it.each(TABS)('reads the %s tab, page by page, as the list shows it', (tab) => {
    const all = fixture({ now: NOW, rows: 23, pageSize: 100 });
    const wanted = all.expected.filter((e) => tab === 'all' || e.tab === tab);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(wanted.length / 5); page++) {
      const f = fixture({ now: NOW, rows: 23, pageSize: 5, tab, page });
      for (const r of readAll(adapter, parsePage(f.html).body)) seen.push(r.ok ? r.orderId : `unreadable ${r.rowKey}`);
    }
    expect(seen).toEqual(wanted.map((e) => e.orderId));
  });

  it('reads the same orders from a re-skinned build (other class names, reordered columns)', () => {
    const base = fixture({ now: NOW, rows: 12, pageSize: 100 });
    const reskinned = fixture({ now: NOW, rows: 12, pageSize: 100, classSalt: 'next-build-7f3a', columnOrder: shuffled(columnCount) });
    expect(reskinned.html).not.toEqual(base.html);
    const a = readAll(adapter, parsePage(base.html).body);
    const b = readAll(adapter, parsePage(reskinned.html).body);
    expect(b.map((r) => r.ok && r.order)).toEqual(a.map((r) => r.ok && r.order));
    expect(b.every((r) => r.ok)).toBe(true);
  });

  it('marks damaged rows unreadable, with a reason, and still reads every other row', () => {
    const f = fixture({ now: NOW, pageSize: 100, broken: true });
    const readings = readAll(adapter, parsePage(f.html).body);
    expect(readings).toHaveLength(f.expected.length);
    const unreadable = f.expected.filter((e) => e.kind === 'unreadable');
    expect(unreadable.length).toBe(3);
    readings.forEach((r, i) => {
      const e = f.expected[i]!;
      if (e.order) expect(r.ok && r.order).toEqual(expectedOrders([e])[0]);
      else {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(['no-order-id', 'bad-time']).toContain(r.problem.code);
      }
    });
    // The garbled time is named in the reason.
    expect(readings.some((r) => !r.ok && r.problem.code === 'bad-time' && r.problem.text === '2024/13/45 25:61:00')).toBe(true);
  });

  it('never reads buyer names, phones or addresses into an order', () => {
    const f = fixture({ now: NOW, rows: 16, pageSize: 100 });
    expect(PRIVATE_STRINGS.some((s) => f.html.includes(s.replace(/</g, '&lt;').replace(/>/g, '&gt;')))).toBe(true);
    const json = JSON.stringify(readAll(adapter, parsePage(f.html).body).map((r) => (r.ok ? r.order : r.problem)));
    for (const s of PRIVATE_STRINGS) expect(json).not.toContain(s);
  });

  it('reads a list of one order without taking the page chrome for the row', () => {
    const f = fixture({ now: NOW, rows: 1 });
    const readings = readAll(adapter, parsePage(f.html).body);
    expect(readings.map((r) => r.ok && r.order)).toEqual(expectedOrders(f.expected));
    expect(readings[0]!.row.anchor.textContent).not.toMatch(/下一页|›/);
  });

  it('finds no rows on an empty list', () => {
    const f = fixture({ now: NOW, rows: 1, tab: 'afterSales' });
    expect(readAll(adapter, parsePage(f.html).body)).toEqual([]);
  });
});

describe('抖店 builds', () => {
  it('reads `-` and `/` date separators and NBSP between label and value alike', () => {
    const adapter = adapterFor('douyin');
    const slash = douyinFixture({ now: NOW, dateSep: '/' });
    const dash = douyinFixture({ now: NOW, dateSep: '-' });
    expect(slash.html).toContain('\u00a0');
    expect(dash.html).toMatch(/下单时间\u00a0\d{4}-\d{2}-\d{2}/);
    const a = readAll(adapter, parsePage(slash.html).body);
    expect(readAll(adapter, parsePage(dash.html).body).map((r) => r.ok && r.order)).toEqual(a.map((r) => r.ok && r.order));
  });
});
