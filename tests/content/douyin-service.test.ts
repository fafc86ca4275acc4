// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ruleLookup } from '@/components/badge/rules';
import { badgeContent } from '@/components/badge/view';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import { OrderSchema, type Order } from '@/policies/order';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import { mergeOrders } from '@/utils/background/merge';
import { readRow, type RowReading } from '@/utils/page/adapter';
import { douyinAdapter } from '@/utils/page/adapters/douyin';
import { HOSTILE_TEXT, PRIVATE_STRINGS } from '../fixtures/pages';
import { douyinAfterSaleFixture } from '../fixtures/pages/douyin-aftersale';
import { DOUYIN_SERVICE_COLUMNS, douyinServiceFixture, type TicketExpectation } from '../fixtures/pages/douyin-service';
import { NOW, parsePage } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;

const readAll = (html: string, now = NOW): RowReading[] =>
  douyinAdapter.findRows(parsePage(html).body, 'service-tickets').map((row, index) => readRow(douyinAdapter, row, { kind: 'service-tickets', now, index }));

const readOrders = (html: string, now = NOW): Order[] => readAll(html, now).flatMap((r) => (r.ok ? [r.order] : []));

/** What each reading should be: a case-only order carrying one ticket, or an unreadable row. */
const expectedReadings = (expected: readonly TicketExpectation[], now = NOW) =>
  expected.map((e) =>
    'unreadable' in e
      ? { ok: false, rowKey: e.rowKey, code: e.unreadable }
      : { ok: true, order: OrderSchema.parse({ platform: 'douyin', orderId: e.orderId, serviceTickets: [e.ticket], scope: 'cases', readAt: now }) },
  );
const summary = (readings: RowReading[]) =>
  readings.map((r) => (r.ok ? { ok: true, order: r.order } : { ok: false, rowKey: r.rowKey, code: r.problem.code }));

describe('抖店 服务请求 page address (assumed)', () => {
  it.each([
    'https://fxg.jinritemai.com/ffa/morder/service-request/list',
    'https://fxg.jinritemai.com/ffa/morder/service-request/list?status=0&page=2',
    'https://fxg.jinritemai.com/ffa/maftersale/service/list',
    'https://fxg.jinritemai.com/ffa/merchant-aftersale-workbench/service/list#/',
    'https://fxg.jinritemai.com/ffa/mservice/service-ticket/list',
    'https://fxg.jinritemai.com/ffa/morder/service',
  ])('%s is the service-ticket list', (url) => {
    expect(douyinAdapter.pageKind(new URL(url))).toBe('service-tickets');
  });

  it.each([
    ['https://fxg.jinritemai.com/ffa/morder/order/list', 'order-list'],
    ['https://fxg.jinritemai.com/ffa/maftersale/aftersale/list', 'after-sales'],
    ['https://fxg.jinritemai.com/ffa/morder/service-request/detail', null],
    ['https://fxg.jinritemai.com/ffa/mshop/service/market', null],
    ['https://fxg.jinritemai.com/ffa/morder/services/list', null],
    ['https://fxg.jinritemai.com.evil.example/ffa/morder/service-request/list', null],
    ['https://fxg.jinritemai.com/ffa/morder/order/list?next=/ffa/morder/service-request/list', 'order-list'],
  ])('%s is %s', (url, kind) => {
    expect(douyinAdapter.pageKind(new URL(url))).toBe(kind);
  });
});

describe('抖店 服务请求 list (platform service tickets)', () => {
  it.each(['countdown', 'instant'] as const)('reads exactly the tickets the page shows (%s deadlines)', (deadlineStyle) => {
    const f = douyinServiceFixture({ now: NOW, deadlineStyle });
    const readings = readAll(f.html);
    expect(summary(readings)).toEqual(expectedReadings(f.expected));
    // Spot checks against the fixture's own words.
    const tickets = readings.map((r) => (r.ok ? r.order.serviceTickets[0] : undefined));
    expect(tickets[1]).toMatchObject({ deadline: NOW + 35 * MIN, awaitingMerchant: true, repliedAt: undefined }); // 剩余 35分
    expect(tickets[2]?.deadline).toBe(NOW - 90 * MIN); // 已超时 1小时30分
    expect(tickets[3]).toMatchObject({ awaitingMerchant: false, repliedAt: NOW - 3 * HOUR - 9_000 }); // 已回复
    expect(tickets[4]?.awaitingMerchant).toBe(false); // 平台介入中
    expect(tickets[6]?.deadline).toBeUndefined(); // `--`: the rule's window applies
    // 已驳回: open again, the earlier reply time is not a reply.
    expect(tickets[7]).toMatchObject({ awaitingMerchant: true, repliedAt: undefined, deadline: NOW + 130 * MIN });
  });

  it('two tickets on one order stay two readings of that order', () => {
    const readings = readAll(douyinServiceFixture({ now: NOW }).html);
    const first = readings[0]!;
    if (!first.ok) throw new Error('first row unreadable');
    const same = readings.filter((r) => r.ok && r.orderId === first.orderId);
    expect(same.map((r) => r.ok && r.order.serviceTickets.map((t) => t.id))).toHaveLength(2);
    expect(new Set(same.map((r) => r.ok && r.order.serviceTickets[0]?.id)).size).toBe(2);
  });

  it('badges right after the order id', () => {
    const readings = readAll(douyinServiceFixture({ now: NOW }).html);
    expect(readings.length).toBeGreaterThan(0);
    for (const r of readings) if (r.ok) expect(r.row.idElement.textContent).toBe(r.orderId);
  });

  it('reads the same tickets from a re-skinned build (other class names, reordered columns)', () => {
    for (const deadlineStyle of ['countdown', 'instant'] as const) {
      const base = douyinServiceFixture({ now: NOW, deadlineStyle });
      const order = Array.from({ length: DOUYIN_SERVICE_COLUMNS }, (_, i) => (i + 4) % DOUYIN_SERVICE_COLUMNS).reverse();
      const reskinned = douyinServiceFixture({ now: NOW, deadlineStyle, classSalt: 'service-build-7f3a', columnOrder: order });
      expect(reskinned.html).not.toEqual(base.html);
      expect(summary(readAll(reskinned.html))).toEqual(summary(readAll(base.html)));
    }
  });

  it('marks damaged rows unreadable with the reason, never a countdown, and still reads the others', () => {
    const f = douyinServiceFixture({ now: NOW, broken: true });
    const readings = readAll(f.html);
    expect(summary(readings)).toEqual(expectedReadings(f.expected));
    const bad = readings.filter((r) => !r.ok);
    expect(bad.map((r) => !r.ok && [r.problem.code, r.problem.field])).toEqual([
      ['bad-time', '创建时间'],
      ['no-order-id', '订单编号'],
      ['invalid', '处理状态'],
    ]);
  });

  it('a table that lost its 创建时间 or 处理状态 column reads as unreadable rows, not as open tickets', () => {
    const html = douyinServiceFixture({ now: NOW }).html;
    for (const header of ['创建时间', '处理状态']) {
      const readings = readAll(html.replace(`>${header}<`, '>列<'));
      expect(readings.length).toBeGreaterThan(0);
      expect(readings.every((r) => !r.ok && r.problem.code === 'missing-field')).toBe(true);
    }
  });

  it('never reads the ticket detail, the reply or any buyer data', () => {
    const f = douyinServiceFixture({ now: NOW, broken: true });
    const json = JSON.stringify(readAll(f.html).map((r) => (r.ok ? r.order : r.problem)));
    for (const s of [...PRIVATE_STRINGS, HOSTILE_TEXT, '6999999999999999999', '反馈', '补发']) expect(json).not.toContain(s);
  });

  it('finds no tickets on the order list or the after-sales list', () => {
    const orderList = parsePage('<table><thead><tr><th>订单编号</th><th>下单时间</th></tr></thead><tbody><tr><td>6912345678901234567</td><td>2026/11/23 10:00:00</td></tr></tbody></table>');
    expect(douyinAdapter.findRows(orderList.body, 'service-tickets')).toEqual([]);
    const afterSales = parsePage(douyinAfterSaleFixture({ now: NOW }).html);
    expect(douyinAdapter.findRows(afterSales.body, 'service-tickets')).toEqual([]);
  });
});

describe('service tickets through the background and the engine', () => {
  const f = douyinServiceFixture({ now: NOW });
  const tickets = readOrders(f.html);
  const orderId = tickets[0]!.orderId;
  const timeline = { placedAt: NOW - 2 * 24 * HOUR, paidAt: NOW - 2 * 24 * HOUR + MIN };
  const listed = OrderSchema.parse({ platform: 'douyin', orderId, status: 'awaiting-shipment', timeline, readAt: NOW - HOUR });
  const stored = mergeOrders(mergeOrders({}, [listed]), tickets);
  const verdicts = evaluate(Object.values(stored), CATALOG, NOW, DEFAULT_ENGINE_SETTINGS).filter((v) => v.ruleId === 'douyin.service-ticket');
  const of = (id: string) => verdicts.find((v) => v.orderId === id);
  const rules = ruleLookup(CATALOG);

  it('a ticket-list reading merged into an order read from the order list keeps its timeline and adds both tickets', () => {
    expect(stored[`douyin:${orderId}`]).toMatchObject({ status: 'awaiting-shipment', timeline });
    const onOrder = tickets.filter((o) => o.orderId === orderId).map((o) => o.serviceTickets[0]!.id);
    expect(onOrder).toHaveLength(2);
    expect(stored[`douyin:${orderId}`]!.serviceTickets.map((t) => t.id).sort()).toEqual(onOrder.sort());
    // …and the order's own shipping clock still runs beside the tickets.
    expect(evaluate([stored[`douyin:${orderId}`]!], CATALOG, NOW, DEFAULT_ENGINE_SETTINGS).some((v) => v.clock === 'ship')).toBe(true);
  });

  it('counts down to the deadline the page shows (platform) and to the rule window without one (computed)', () => {
    // Order 1's two open tickets: the earlier deadline (5 h 20 min) wins.
    expect(of(orderId)).toMatchObject({ deadline: NOW + 320 * MIN, deadlineSource: 'platform', subjectId: tickets[0]!.serviceTickets[0]!.id });
    expect(of(tickets[1]!.orderId)).toMatchObject({ state: 'critical', deadline: NOW + 35 * MIN, deadlineSource: 'platform' });
    expect(of(tickets[2]!.orderId)).toMatchObject({ state: 'breached', deadlineSource: 'platform' });
    const computed = of(tickets[6]!.orderId)!;
    expect(computed).toMatchObject({ deadlineSource: 'rule', deadline: tickets[6]!.serviceTickets[0]!.openedAt + 24 * HOUR });
    // Replied in time, and waiting on the platform: no open clock.
    expect(of(tickets[3]!.orderId)?.state).toBe('met');
    expect(['met', 'not-applicable', undefined]).toContain(of(tickets[4]!.orderId)?.state);
  });

  it('the badge says 服务单 剩 … and its tooltip says whose deadline it is', () => {
    const badge = (id: string) => badgeContent({ kind: 'verdicts', orderId: id, verdicts: verdicts.filter((v) => v.orderId === id) }, 'zh', rules);
    const urgent = badge(tickets[1]!.orderId);
    expect(urgent.text).toBe('服务单 剩 35分');
    expect(urgent.tone).toBe('critical');
    expect(urgent.details().rules[0]!.lines).toContain('平台给出的时限');
    const estimated = badge(tickets[6]!.orderId);
    // Opened 2 h 23 s ago, 24 h window.
    expect(estimated.text).toBe('服务单 剩 21小时59分');
    expect(estimated.details().rules[0]!.lines.some((l) => l.startsWith('按规则估算'))).toBe(true);
    expect(estimated.details().rules[0]!.lines).not.toContain('平台给出的时限');
    expect(badge(tickets[2]!.orderId).text).toBe('服务单 已超时 1小时30分');
  });
});
