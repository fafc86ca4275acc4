// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { OrderSchema } from '@/policies/order';
import { readRow, type RowReading } from '@/utils/page/adapter';
import { douyinAdapter } from '@/utils/page/adapters/douyin';
import { mergeOrders } from '@/utils/background/merge';
import { DOUYIN_AFTERSALE_COLUMNS, douyinAfterSaleFixture, type AfterSaleExpectation } from '../fixtures/pages/douyin-aftersale';
import { PRIVATE_STRINGS } from '../fixtures/pages';
import { NOW, parsePage } from './helpers';

const readAll = (html: string, now = NOW): RowReading[] =>
  douyinAdapter.findRows(parsePage(html).body, 'after-sales').map((row, index) => readRow(douyinAdapter, row, { kind: 'after-sales', now, index }));

/** What each reading should be: a case-only order carrying one case, or an unreadable row. */
const expectedReadings = (expected: readonly AfterSaleExpectation[], now = NOW) =>
  expected.map((e) =>
    'unreadable' in e
      ? { ok: false, rowKey: e.rowKey, code: e.unreadable }
      : { ok: true, order: OrderSchema.parse({ platform: 'douyin', orderId: e.orderId, afterSales: [e.afterSale], scope: 'cases', readAt: now }) },
  );
const summary = (readings: RowReading[]) =>
  readings.map((r) => (r.ok ? { ok: true, order: r.order } : { ok: false, rowKey: r.rowKey, code: r.problem.code }));

describe('抖店 售后工作台 (after-sales list)', () => {
  it('is read on both after-sales addresses', () => {
    expect(douyinAdapter.pageKind(new URL('https://fxg.jinritemai.com/ffa/maftersale/aftersale/list'))).toBe('after-sales');
    expect(douyinAdapter.pageKind(new URL(douyinAfterSaleFixture({ now: NOW }).url))).toBe('after-sales');
  });

  it.each(['countdown', 'instant'] as const)('reads exactly the cases the page shows (%s deadlines)', (deadlineStyle) => {
    const f = douyinAfterSaleFixture({ now: NOW, deadlineStyle });
    const readings = readAll(f.html);
    expect(summary(readings)).toEqual(expectedReadings(f.expected));
    // Spot checks against the fixture's own words: 40 minutes left, awaiting merchant; 待买家退货 is not.
    const first = readings[0]!;
    expect(first.ok && first.order.afterSales[0]).toMatchObject({ kind: 'refund-only', deadline: NOW + 40 * 60_000, awaitingMerchant: true });
    expect(readings[1]!.ok && readings[1]!.order.afterSales[0]?.awaitingMerchant).toBe(false);
    // The overdue case (已超时 2小时) has its deadline in the past.
    expect(readings[5]!.ok && readings[5]!.order.afterSales[0]?.deadline).toBe(NOW - 2 * 3_600_000);
  });

  it('badges right after the order id', () => {
    const f = douyinAfterSaleFixture({ now: NOW });
    const readings = readAll(f.html);
    for (const r of readings) if (r.ok) expect(r.row.idElement.textContent).toBe(r.orderId);
  });

  it('reads the same cases from a re-skinned build (other class names, reordered columns, 超时时间)', () => {
    const base = douyinAfterSaleFixture({ now: NOW });
    const order = Array.from({ length: DOUYIN_AFTERSALE_COLUMNS }, (_, i) => (i + 3) % DOUYIN_AFTERSALE_COLUMNS).reverse();
    const reskinned = douyinAfterSaleFixture({ now: NOW, classSalt: 'workbench-9c1e', columnOrder: order, deadlineStyle: 'instant' });
    expect(reskinned.html).not.toEqual(base.html);
    expect(summary(readAll(reskinned.html))).toEqual(summary(readAll(base.html)));
  });

  it('marks damaged rows unreadable with the reason and still reads the others', () => {
    const f = douyinAfterSaleFixture({ now: NOW, broken: true });
    const readings = readAll(f.html);
    expect(summary(readings)).toEqual(expectedReadings(f.expected));
    expect(readings.filter((r) => !r.ok)).toHaveLength(3);
    expect(readings.some((r) => !r.ok && r.problem.code === 'bad-time' && r.problem.field === '申请时间')).toBe(true);
  });

  it('never reads buyer data into an order', () => {
    const f = douyinAfterSaleFixture({ now: NOW });
    const json = JSON.stringify(readAll(f.html).map((r) => (r.ok ? r.order : r.problem)));
    for (const s of PRIVATE_STRINGS) expect(json).not.toContain(s);
  });

  it('reads nothing from the order list and no case table elsewhere', () => {
    const doc = parsePage('<table><thead><tr><th>订单编号</th><th>下单时间</th></tr></thead><tbody><tr><td>6912345678901234567</td><td>2026/11/23 10:00:00</td></tr></tbody></table>');
    expect(douyinAdapter.findRows(doc.body, 'after-sales')).toEqual([]);
  });

  it('merged into the order list\'s reading, the case joins the order and the timeline stays', () => {
    const f = douyinAfterSaleFixture({ now: NOW });
    const first = readAll(f.html)[0]!;
    if (!first.ok) throw new Error('first row unreadable');
    const timeline = { placedAt: NOW - 86_400_000, paidAt: NOW - 86_000_000 };
    const listed = OrderSchema.parse({ platform: 'douyin', orderId: first.orderId, status: 'awaiting-shipment', timeline, readAt: NOW - 60_000 });
    const stored = mergeOrders(mergeOrders({}, [listed]), readAll(f.html).flatMap((r) => (r.ok ? [r.order] : [])));
    const merged = stored[`douyin:${first.orderId}`];
    expect(merged).toMatchObject({ status: 'awaiting-shipment', timeline });
    // Two cases on this order (refund + 价保), both kept.
    expect(merged?.afterSales.map((c) => c.kind).sort()).toEqual(['price-protection', 'refund-only']);
  });
});
