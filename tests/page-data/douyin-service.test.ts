import { describe, expect, it } from 'vitest';
import { OrderSchema, type Order } from '@/policies/order';
import { CHANNEL, endpointFor } from '@/utils/page-data/endpoints';
import { joinPageData } from '@/utils/page-data/join';
import { PARSERS } from '@/utils/page-data/parsers';
import { createPageDataStore } from '@/utils/page-data/receiver';
import type { ParseResult } from '@/utils/page-data/result';
import { douyinServiceTickets, type FixtureTicket } from '../fixtures/json/douyin';
import { BASE, HOUR, ids } from '../fixtures/json/spec';

/**
 * 抖店 服务请求 list JSON. The endpoint and the deadline field are assumptions built from the open
 * API (`order.getServiceList`, `order.serviceDetail`); the row shape is that API's.
 */

const READ_AT = BASE + 2 * HOUR;
const parse = (body: unknown): ParseResult => PARSERS['douyin.serviceTickets'](JSON.parse(typeof body === 'string' ? body : JSON.stringify(body)), READ_AT);
function ordersOf(result: ParseResult) {
  if (result.kind !== 'orders') throw new Error(`expected orders, got ${result.kind}`);
  return result;
}

const order1 = ids.douyin(1);
const order2 = ids.douyin(2);
const TICKETS: FixtureTicket[] = [
  { orderId: order1, ticketId: '7301000000001', status: 0, openedAt: BASE, deadline: BASE + 24 * HOUR },
  { orderId: order1, ticketId: '7301000000002', status: 10, openedAt: BASE - 30 * HOUR, repliedAt: BASE - 20 * HOUR },
  { orderId: order2, ticketId: '7301000000003', status: 100, openedAt: BASE - 50 * HOUR, repliedAt: BASE - 40 * HOUR },
  // Replied, then sent back by the platform (驳回): the merchant's move again.
  { orderId: ids.douyin(3), ticketId: '7301000000004', status: 0, openedAt: BASE - 5 * HOUR, repliedAt: BASE - 4 * HOUR },
];

describe('抖店 服务请求 endpoint (assumed)', () => {
  const base = 'https://fxg.jinritemai.com/ffa/morder/service-request/list';
  it.each(['/api/order/serviceList', '/api/order/getServiceList', '/api/service/list', '/api/service_request/pc/list', '/api/order/serviceRequest/list', 'https://fxg.jinritemai.com/api/service/list?page=1&status=0'])(
    '%s is the service-ticket list',
    (url) => expect(endpointFor('douyin', url, base)).toBe('douyin.serviceTickets'),
  );
  it.each([
    ['/api/order/searchlist', 'douyin.orders'],
    ['/after_sale/pc/list', 'douyin.afterSales'],
    ['/api/order/serviceDetail', undefined],
    ['/api/service/list/export', undefined],
    ['/api/order/searchlist?next=/api/service/list', 'douyin.orders'],
  ])('%s is %s', (url, id) => expect(endpointFor('douyin', url, base)).toBe(id));
});

describe('抖店 服务请求 list JSON', () => {
  it('reads each ticket of each order with its open time, reply state and deadline', () => {
    const { orders, rowFailures, total } = ordersOf(parse(douyinServiceTickets(TICKETS)));
    expect(rowFailures).toEqual([]);
    expect(total).toBe(4);
    expect(orders.map((o) => [o.orderId, o.scope, o.source])).toEqual([
      [order1, 'cases', 'json'],
      [order2, 'cases', 'json'],
      [ids.douyin(3), 'cases', 'json'],
    ]);
    expect(orders[0]!.serviceTickets).toEqual([
      { id: '7301000000001', openedAt: BASE, deadline: BASE + 24 * HOUR, repliedAt: undefined, awaitingMerchant: true },
      { id: '7301000000002', openedAt: BASE - 30 * HOUR, repliedAt: BASE - 20 * HOUR, deadline: undefined, awaitingMerchant: false },
    ]);
    expect(orders[1]!.serviceTickets[0]).toMatchObject({ awaitingMerchant: false, repliedAt: BASE - 40 * HOUR });
    expect(orders[2]!.serviceTickets[0]).toMatchObject({ awaitingMerchant: true, repliedAt: undefined });
  });

  it('never reads the ticket text or the reply', () => {
    const text = JSON.stringify(ordersOf(parse(douyinServiceTickets(TICKETS))).orders);
    for (const s of ['王晓雨', '13800138000', 'onerror', '催促']) expect(text).not.toContain(s);
  });

  it('an unknown operate_status keeps a clock unless the ticket was replied', () => {
    const body = douyinServiceTickets([{ ...TICKETS[0]!, status: 42 }, { ...TICKETS[2]!, status: 42 }]);
    const tickets = ordersOf(parse(body)).orders.flatMap((o) => o.serviceTickets);
    expect(tickets.map((t) => t.awaitingMerchant)).toEqual([true, false]);
  });

  it('refuses an order id that lost its digits as a JSON number, and a ticket without its open time', () => {
    const body = douyinServiceTickets(TICKETS) as { data: { list: Record<string, unknown>[] } };
    delete body.data.list[0]!.create_time;
    // 19 digits as a JSON number: the text the page receives, before JSON.parse rounds it.
    const result = ordersOf(parse(JSON.stringify(body).replace(`"order_id":"${order2}"`, `"order_id":${order2}`)));
    expect(result.rowFailures.map((f) => f.reason)).toEqual([expect.stringContaining('create_time'), expect.stringContaining('order_id')]);
    expect(result.orders.flatMap((o) => o.serviceTickets.map((t) => t.id))).toEqual(['7301000000002', '7301000000004']);
  });

  it('a dropped deadline falls back to the rule, never to 1970', () => {
    const body = douyinServiceTickets([TICKETS[0]!]) as { data: { list: Record<string, unknown>[] } };
    body.data.list[0]!.expiration_time = '明天';
    const result = ordersOf(parse(body));
    expect(result.orders[0]!.serviceTickets[0]!.deadline).toBeUndefined();
    expect(result.fieldIssues.map((i) => i.field)).toEqual(['expiration_time']);
  });

  it('a captcha is not data; a changed shape is unrecognized', () => {
    expect(parse({ code: 10011, msg: '请完成安全验证', data: null })).toMatchObject({ kind: 'not-data', reason: 'captcha' });
    expect(parse({ code: 0, data: { items: [] } })).toMatchObject({ kind: 'unrecognized' });
  });
});

describe('service-ticket rows joined with the page data by ticket id', () => {
  const message = (body: unknown, seenAt = BASE + HOUR) => ({ channel: CHANNEL, kind: 'response', endpoint: 'douyin.serviceTickets', status: 200, body: JSON.stringify(body), seenAt });
  /** A ticket row as the DOM adapter reads it: one ticket of one order, scope 'cases'. */
  const domTicket = (orderId: string, ticket: Partial<Order['serviceTickets'][number]> & { id: string; openedAt: number }): Order =>
    OrderSchema.parse({ platform: 'douyin', orderId, serviceTickets: [ticket], scope: 'cases', readAt: READ_AT, source: 'dom' });

  function storeWith(tickets: FixtureTicket[]) {
    const store = createPageDataStore(PARSERS, () => READ_AT);
    expect(store.receive(message(douyinServiceTickets(tickets)))).toBe(true);
    return store.state();
  }

  it('two tickets of one order each take their own data, and stay two', () => {
    const data = storeWith(TICKETS);
    const rows = [
      domTicket(order1, { id: '7301000000001', openedAt: BASE }),
      domTicket(order1, { id: '7301000000002', openedAt: BASE - 30 * HOUR }),
    ];
    const joined = joinPageData({ orders: rows, unreadable: [] }, data, READ_AT);
    expect(joined.orders.map((o) => [o.orderId, o.serviceTickets.map((t) => t.id), o.source])).toEqual([
      [order1, ['7301000000001'], 'json'],
      [order1, ['7301000000002'], 'json'],
    ]);
    // The data's deadline (the page printed none) and the data's reply state.
    expect(joined.orders[0]!.serviceTickets[0]).toMatchObject({ deadline: BASE + 24 * HOUR, awaitingMerchant: true });
    expect(joined.orders[1]!.serviceTickets[0]).toMatchObject({ repliedAt: BASE - 20 * HOUR, awaitingMerchant: false });
    expect(joined.health).toMatchObject({ matched: 2, domOnly: 0 });
  });

  it('the data wins on reply state; the printed deadline stays when the data has none; a ticket the data lacks stays as read', () => {
    const data = storeWith([{ ...TICKETS[1]!, status: 0, repliedAt: undefined }]);
    const printed = BASE + 3 * HOUR;
    const rows = [
      domTicket(order1, { id: '7301000000002', openedAt: BASE - 30 * HOUR, repliedAt: BASE - 20 * HOUR, awaitingMerchant: false, deadline: printed }),
      domTicket(order1, { id: '7301000000009', openedAt: BASE }),
    ];
    const joined = joinPageData({ orders: rows, unreadable: [] }, data, READ_AT);
    expect(joined.orders[0]!.serviceTickets[0]).toEqual({ id: '7301000000002', openedAt: BASE - 30 * HOUR, repliedAt: undefined, deadline: printed, awaitingMerchant: true });
    expect(joined.orders[1]).toEqual(rows[1]);
    expect(joined.health).toMatchObject({ matched: 1, domOnly: 1 });
  });

  it('a later response replaces a ticket; an older replay does not', () => {
    const store = createPageDataStore(PARSERS, () => READ_AT);
    store.receive(message(douyinServiceTickets([TICKETS[0]!]), BASE + HOUR));
    store.receive(message(douyinServiceTickets([{ ...TICKETS[0]!, status: 10, repliedAt: BASE + 90 * 60_000 }]), BASE + 2 * HOUR));
    store.receive(message(douyinServiceTickets([TICKETS[0]!]), BASE)); // replayed
    const kept = store.state().cases.get('serviceTickets:7301000000001');
    expect(kept?.serviceTickets).toEqual([expect.objectContaining({ awaitingMerchant: false, repliedAt: BASE + 90 * 60_000 })]);
  });
});
