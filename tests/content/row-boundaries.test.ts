// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import type { Order } from '@/policies/order';
import { FIXTURE_PAGES } from '../fixtures/pages';
import { adapterFor, NOW, parsePage, readAll } from './helpers';

/**
 * Row boundaries under a lost or forged order-id label (H5's fuzz counterexamples): the row whose
 * id is lost is its own unreadable row, and every other row keeps the clean page's countdowns.
 */
const countdowns = (orders: Order[]) => evaluate(orders, CATALOG, NOW).map((v) => `${v.orderId} ${v.ruleId} ${v.deadline} ${v.timeLeftMs}`);

describe.each(FIXTURE_PAGES)('$platform row boundaries', ({ platform, fixture }) => {
  const adapter = adapterFor(platform);
  const { html } = fixture({ now: NOW, rows: 6, pageSize: 100 });
  const clean = readAll(adapter, parsePage(html).body);
  const ok = (rs: typeof clean) => rs.flatMap((r) => (r.ok ? [r.order] : []));
  const idOf = (i: number) => (clean[i]!.ok ? (clean[i] as { orderId: string }).orderId : '');
  const labelNode = (body: HTMLElement, id: string) => {
    const walker = body.ownerDocument.createTreeWalker(body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.includes(id) && /订单/.test(n.nodeValue)) return n as Text;
    throw new Error(`no label for ${id}`);
  };

  it('a row whose order-id label is blanked stays a row of its own and its neighbours read as on the clean page', () => {
    const body = parsePage(html).body;
    const lost = idOf(1);
    labelNode(body, lost).data = '';
    const readings = readAll(adapter, body);
    expect(readings).toHaveLength(clean.length);
    const others = ok(clean).filter((o) => o.orderId !== lost);
    const after = ok(readings).filter((o) => o.orderId !== lost);
    expect(after).toEqual(others);
    expect(countdowns(after)).toEqual(countdowns(others));
    // 抖店 keeps the id in data-row-key; elsewhere the row is unreadable with a reason.
    const row1 = readings[1]!;
    if (!row1.ok) expect(row1.problem.code).toBe('no-order-id');
    else expect(row1.order).toEqual(ok(clean).find((o) => o.orderId === lost));
  });

  it('buyer text forging an order-id label never splits a row', () => {
    const body = parsePage(html).body;
    // A text node of row 1 after its label (a nickname, a product name) becomes the forged label.
    const label = labelNode(body, idOf(1));
    const walker = body.ownerDocument.createTreeWalker(body, 4);
    walker.currentNode = label;
    let target = walker.nextNode();
    while (target && !target.nodeValue?.trim()) target = walker.nextNode();
    target!.nodeValue = '订单编号\u200b<b>X</b>';
    const readings = readAll(adapter, body);
    expect(readings).toHaveLength(clean.length);
    const others = ok(clean).filter((o) => o.orderId !== idOf(1));
    expect(countdowns(ok(readings).filter((o) => o.orderId !== idOf(1)))).toEqual(countdowns(others));
    expect(body.querySelector('b')).toBeNull();
  });
});
