import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import { OrderSchema, type Order } from '@/policies/order';
import { CHANNEL, type EndpointId } from '@/utils/page-data/endpoints';
import { joinPageData } from '@/utils/page-data/join';
import { MAX_KEPT_ORDERS, caseKey, createPageDataStore } from '@/utils/page-data/receiver';
import { douyinAfterSales, douyinOrders } from '../fixtures/json/douyin';
import { pinduoduoOrders } from '../fixtures/json/pinduoduo';
import { BASE, HOUR, fixtureOrders, ids } from '../fixtures/json/spec';
import { douyinParsers } from '@/utils/page-data/douyin';
import { PARSERS } from '@/utils/page-data/parsers';

const message = (endpoint: EndpointId, body: unknown, status = 200, seenAt = BASE) => ({
  channel: CHANNEL,
  kind: 'response',
  endpoint,
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  seenAt,
});

const pddPage = (page: number, size = 20) =>
  pinduoduoOrders.response(fixtureOrders(size, ids.pinduoduo, page * size).map(pinduoduoOrders.row));

function clockAt(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('page-data store', () => {
  it('ignores anything that is not a well-formed observer message', () => {
    const store = createPageDataStore(PARSERS);
    for (const forged of [
      null,
      'text',
      { channel: 'other', endpoint: 'pinduoduo.orders', status: 200, body: '{}', seenAt: 1 },
      { channel: CHANNEL, endpoint: 'pinduoduo.orders', status: 200, body: '{}', seenAt: 1 },
      { channel: CHANNEL, kind: 'replay' },
      { channel: CHANNEL, kind: 'response', endpoint: 'evil.endpoint', status: 200, body: '{}', seenAt: 1 },
      { channel: CHANNEL, kind: 'response', endpoint: 'pinduoduo.orders', status: 200, body: { not: 'a string' }, seenAt: 1 },
    ]) {
      expect(store.receive(forged)).toBe(false);
    }
    expect(store.state()).toEqual({ orders: new Map(), cases: new Map() });
  });

  it("takes only its own platform's lists: another platform's response posted on the page is ignored", () => {
    const store = createPageDataStore(douyinParsers);
    expect(store.receive(message('pinduoduo.orders', pddPage(0)))).toBe(false);
    expect(store.state()).toEqual({ orders: new Map(), cases: new Map() });
    expect(createPageDataStore(PARSERS).receive(message('pinduoduo.orders', pddPage(0)))).toBe(true);
  });

  it('keeps earlier data through a captcha, an HTTP error, a non-JSON body and a changed shape', () => {
    const clock = clockAt(BASE);
    const store = createPageDataStore(PARSERS, clock.now);
    expect(store.receive(message('pinduoduo.orders', pddPage(0)))).toBe(true);
    clock.advance(1000);
    expect(store.receive(message('pinduoduo.orders', pinduoduoOrders.captcha, 200, BASE + 1000))).toBe(false);
    expect(store.state().lastNotData).toEqual({ at: BASE + 1000, reason: 'captcha' });
    expect(store.receive(message('pinduoduo.orders', '<html>502</html>', 502))).toBe(false);
    expect(store.state().lastParseFailure).toMatchObject({ kind: 'http', detail: 'HTTP 502' });
    expect(store.receive(message('pinduoduo.orders', '<html>登录</html>'))).toBe(false);
    expect(store.state().lastParseFailure).toMatchObject({ kind: 'not-json' });
    expect(store.receive(message('pinduoduo.orders', { success: true, result: { items: [] } }))).toBe(false);
    expect(store.state().lastParseFailure).toMatchObject({ kind: 'unrecognized', endpoint: 'pinduoduo.orders' });
    const { orders, jsonSeenAt } = store.state();
    expect(orders.size).toBe(20);
    expect(jsonSeenAt).toBe(BASE);
  });

  it('takes a 100-page stream with a captcha in the middle and loses nothing', () => {
    const store = createPageDataStore(PARSERS);
    for (let page = 0; page < 100; page++) {
      store.receive(message('pinduoduo.orders', pddPage(page)));
      if (page === 50) store.receive(message('pinduoduo.orders', pinduoduoOrders.captcha));
    }
    const all = fixtureOrders(2000, ids.pinduoduo);
    const { orders } = store.state();
    expect(orders.size).toBe(2000);
    expect(all.every((spec) => orders.get(spec.id)?.timeline.shipBy === spec.shipBy)).toBe(true);
  });

  it('dates data by when the page received it, so a late replay never overrides newer data', () => {
    const store = createPageDataStore(PARSERS, () => BASE + HOUR);
    const spec = fixtureOrders(1, ids.pinduoduo)[0]!;
    const newer = { ...pinduoduoOrders.row(spec), order_status: 2, order_status_str: '已发货' };
    store.receive(message('pinduoduo.orders', pinduoduoOrders.response([newer]), 200, BASE + 60_000));
    store.receive(message('pinduoduo.orders', pinduoduoOrders.response([pinduoduoOrders.row(spec)]), 200, BASE)); // replayed
    expect(store.state().orders.get(spec.id)).toMatchObject({ status: 'shipped', readAt: BASE + 60_000 });
    expect(store.state().jsonSeenAt).toBe(BASE + 60_000);
    // A message claiming to come from the future is dated now.
    store.receive(message('pinduoduo.orders', pinduoduoOrders.response([newer]), 200, BASE + 99 * HOUR));
    expect(store.state().jsonSeenAt).toBe(BASE + HOUR);
  });

  it('keeps at most MAX_KEPT_ORDERS, dropping the oldest readings first', () => {
    const store = createPageDataStore(PARSERS);
    const pages = Math.ceil(MAX_KEPT_ORDERS / 200) + 2;
    for (let page = 0; page < pages; page++) store.receive(message('pinduoduo.orders', pddPage(page, 200)));
    const { orders } = store.state();
    expect(orders.size).toBe(MAX_KEPT_ORDERS);
    expect(orders.has(ids.pinduoduo(0))).toBe(false);
    expect(orders.has(ids.pinduoduo(pages * 200 - 1))).toBe(true);
  });

  it('records unreadable rows as a parse failure while keeping the readable ones', () => {
    const store = createPageDataStore(PARSERS);
    const body = pddPage(0) as { result: { pageItems: Record<string, unknown>[] } };
    body.result.pageItems[3] = { order_sn: { bad: true } };
    store.receive(message('pinduoduo.orders', body));
    expect(store.state().orders.size).toBe(19);
    expect(store.state().lastParseFailure).toMatchObject({ kind: 'rows', detail: expect.stringContaining('1 row(s) unreadable') });
  });

  it('combines an order list and an after-sales list reading of the same order', () => {
    const store = createPageDataStore(PARSERS);
    const [spec] = fixtureOrders(1, ids.douyin);
    store.receive(message('douyin.afterSales', douyinAfterSales([{ orderId: spec!.id, caseId: '9', type: 1, status: 6, appliedAt: BASE, deadline: BASE + HOUR }])));
    store.receive(message('douyin.orders', douyinOrders.response([douyinOrders.row(spec!)])));
    const order = store.state().orders.get(spec!.id)!;
    expect(order.timeline.shipBy).toBe(spec!.shipBy);
    expect(order.afterSales.map((c) => [c.id, c.deadline])).toEqual([['9', BASE + HOUR]]);
  });
});

describe('joining page rows with the page data', () => {
  const domOrder = (id: string, extra: Partial<Order> = {}): Order =>
    OrderSchema.parse({
      platform: 'pinduoduo',
      orderId: id,
      subOrderCount: 3,
      crossBorder: true,
      status: 'awaiting-shipment',
      amount: 10,
      timeline: { placedAt: BASE - HOUR },
      readAt: BASE,
      source: 'dom',
      ...extra,
    });

  function storeWith(...rows: Record<string, unknown>[]) {
    const store = createPageDataStore(PARSERS, () => BASE + 5000);
    store.receive(message('pinduoduo.orders', pinduoduoOrders.response(rows)));
    return store.state();
  }

  const id1 = ids.pinduoduo(1);
  const id2 = ids.pinduoduo(2);
  const id3 = ids.pinduoduo(3);
  const jsonRow = (id: string, extra: Record<string, unknown> = {}) => ({
    order_sn: id,
    order_status: 1,
    order_time: Math.floor((BASE - HOUR) / 1000),
    promise_shipping_time: Math.floor((BASE + 40 * HOUR) / 1000),
    order_amount: 1000,
    delivery_one_day: '1',
    ...extra,
  });

  it('lets the data win for the countdown while keeping what only the page knows', () => {
    const data = storeWith(jsonRow(id1));
    const joined = joinPageData({ orders: [domOrder(id1), domOrder(id2)], unreadable: [] }, data, BASE + 6000);
    const [first, second] = joined.orders;
    expect(first).toMatchObject({
      orderId: id1,
      source: 'json',
      subOrderCount: 3,
      crossBorder: true,
      services: ['same-day-ship'],
      timeline: { placedAt: BASE - HOUR, shipBy: BASE + 40 * HOUR },
    });
    expect(second).toEqual(domOrder(id2));
    expect(joined.health).toMatchObject({ jsonSeenAt: BASE, matched: 1, domOnly: 1, rescued: 0, unreadable: 0 });
    expect(joined.health.lastDisagreement).toBeUndefined();
  });

  it('joins an unchanged row with unchanged data into the same order, and a data update into a new one', () => {
    const store = createPageDataStore(PARSERS, () => BASE + 5000);
    store.receive(message('pinduoduo.orders', pinduoduoOrders.response([jsonRow(id1)])));
    const page = domOrder(id1);
    const first = joinPageData({ orders: [page], unreadable: [] }, store.state(), BASE + 6000).orders[0];
    const again = joinPageData({ orders: [page], unreadable: [] }, store.state(), BASE + 7000).orders[0];
    // Same object: the page session recognises it as already sent.
    expect(again).toBe(first);
    store.receive(message('pinduoduo.orders', pinduoduoOrders.response([jsonRow(id1, { promise_shipping_time: Math.floor((BASE + 20 * HOUR) / 1000) })])));
    const updated = joinPageData({ orders: [page], unreadable: [] }, store.state(), BASE + 8000).orders[0];
    expect(updated).not.toBe(first);
    expect(updated!.timeline.shipBy).toBe(BASE + 20 * HOUR);
  });

  it('records disagreements on status, amount and a printed deadline', () => {
    const data = storeWith(jsonRow(id1, { order_status: 2, order_amount: 1290 }));
    const printed = BASE + 30 * HOUR;
    const joined = joinPageData(
      { orders: [domOrder(id1, { timeline: { shipBy: printed } })], unreadable: [] },
      data,
      BASE + 6000,
    );
    expect(joined.orders[0]).toMatchObject({ status: 'shipped', amount: 12.9, timeline: { shipBy: BASE + 40 * HOUR } });
    expect(joined.health.lastDisagreement).toEqual({ at: BASE + 6000, orderId: id1, field: 'shipBy', page: printed, data: BASE + 40 * HOUR });
    const again = joinPageData({ orders: [domOrder(id2)], unreadable: [] }, data, BASE + 7000, joined.health);
    expect(again.health.lastDisagreement?.field).toBe('shipBy'); // remembered until a newer one
  });

  it('treats a deadline printed to the minute as the same deadline', () => {
    const data = storeWith(jsonRow(id1, { promise_shipping_time: Math.floor((BASE + 40 * HOUR + 42_000) / 1000) }));
    const joined = joinPageData({ orders: [domOrder(id1, { timeline: { shipBy: BASE + 40 * HOUR } })], unreadable: [] }, data, BASE);
    expect(joined.health.lastDisagreement).toBeUndefined();
  });

  it('rescues a row the page text could not be read for when the data has its order', () => {
    const data = storeWith(jsonRow(id3));
    const joined = joinPageData(
      { orders: [], unreadable: [{ rowKey: id3, reason: '下单时间无法识别' }, { rowKey: 'row-7', reason: '找不到订单号' }] },
      data,
      BASE,
    );
    expect(joined.orders.map((o) => [o.orderId, o.source])).toEqual([[id3, 'json']]);
    expect(joined.unreadable).toEqual([{ rowKey: 'row-7', reason: '找不到订单号' }]);
    expect(joined.health).toMatchObject({ matched: 0, domOnly: 0, rescued: 1, unreadable: 1 });
  });

  it('with no data seen, says so (jsonSeenAt undefined) and changes nothing', () => {
    const empty = createPageDataStore(PARSERS).state();
    const reading = { orders: [domOrder(id1)], unreadable: [] };
    const joined = joinPageData(reading, empty, BASE);
    expect(joined.orders).toEqual(reading.orders);
    expect(joined.health).toEqual({ jsonSeenAt: undefined, matched: 0, domOnly: 1, rescued: 0, unreadable: 0 });
  });
});

describe('joining 售后工作台 case rows with the after-sales data', () => {
  const orderId = ids.douyin(1);
  const first = { orderId, caseId: '7100000000000000001', type: 1, status: 6, appliedAt: BASE - HOUR, deadline: BASE + HOUR };
  const second = { orderId, caseId: '7100000000000000002', type: 0, status: 11, appliedAt: BASE - 2 * HOUR, deadline: BASE + 30 * HOUR };
  /** One DOM row of the case list: a case-only reading of its order, as douyin-aftersale.ts reads it. */
  const caseRow = (caseId: string, deadline?: number): Order =>
    OrderSchema.parse({
      platform: 'douyin',
      orderId,
      afterSales: [{ id: caseId, kind: 'other', requestedAt: BASE - 3 * HOUR, deadline }],
      scope: 'cases',
      readAt: BASE,
      source: 'dom',
    });
  const deadlines = (orders: Order[]) => orders.map((o) => o.afterSales.map((c) => [c.id, c.deadline]));

  it('keeps each case of one order under its own case id', () => {
    const store = createPageDataStore(PARSERS, () => BASE + 5000);
    store.receive(message('douyin.afterSales', douyinAfterSales([first, second])));
    const { cases, orders } = store.state();
    expect(cases.get(caseKey('afterSales', first.caseId))?.afterSales).toMatchObject([{ id: first.caseId, deadline: BASE + HOUR }]);
    expect(cases.get(caseKey('afterSales', second.caseId))?.afterSales).toMatchObject([{ id: second.caseId, deadline: BASE + 30 * HOUR }]);
    expect(orders.get(orderId)?.afterSales).toHaveLength(2);
  });

  it('joins two case rows of one order by case id: two cases, each with its own deadline', () => {
    const store = createPageDataStore(PARSERS, () => BASE + 5000);
    store.receive(message('douyin.afterSales', douyinAfterSales([first, second])));
    const joined = joinPageData({ orders: [caseRow(first.caseId), caseRow(second.caseId)], unreadable: [] }, store.state(), BASE + 6000);
    expect(deadlines(joined.orders)).toEqual([[[first.caseId, BASE + HOUR]], [[second.caseId, BASE + 30 * HOUR]]]);
    expect(joined.orders.map((o) => [o.source, o.scope, o.afterSales[0]?.kind])).toEqual([
      ['json', 'cases', 'refund-only'],
      ['json', 'cases', 'return-refund'],
    ]);
    expect(joined.health).toMatchObject({ matched: 2, domOnly: 0 });
    // Each row's after-sales clock counts down to its own case's deadline.
    const clock = (o: Order) => evaluate([o], CATALOG, BASE + 6000).find((v) => v.ruleId === 'douyin.after-sales');
    expect(joined.orders.map((o) => [clock(o)?.subjectId, clock(o)?.deadline])).toEqual([
      [first.caseId, BASE + HOUR],
      [second.caseId, BASE + 30 * HOUR],
    ]);
  });

  it('keeps both when the cases came in different responses (another page of the list)', () => {
    const store = createPageDataStore(PARSERS, () => BASE + 5000);
    store.receive(message('douyin.afterSales', douyinAfterSales([first]), 200, BASE));
    store.receive(message('douyin.afterSales', douyinAfterSales([second]), 200, BASE + 1000));
    const joined = joinPageData({ orders: [caseRow(first.caseId), caseRow(second.caseId)], unreadable: [] }, store.state(), BASE + 6000);
    expect(deadlines(joined.orders)).toEqual([[[first.caseId, BASE + HOUR]], [[second.caseId, BASE + 30 * HOUR]]]);
  });

  it('leaves a case row the data does not have as the page printed it, and keeps a printed deadline the data lacks', () => {
    const store = createPageDataStore(PARSERS, () => BASE + 5000);
    const { deadline: _none, ...undated } = first;
    store.receive(message('douyin.afterSales', douyinAfterSales([undated])));
    const printed = BASE + 2 * HOUR;
    const joined = joinPageData({ orders: [caseRow(first.caseId, printed), caseRow('7100000000000000009', printed)], unreadable: [] }, store.state(), BASE);
    expect(deadlines(joined.orders)).toEqual([[[first.caseId, printed]], [['7100000000000000009', printed]]]);
    expect(joined.orders.map((o) => o.source)).toEqual(['json', 'dom']);
    expect(joined.health).toMatchObject({ matched: 1, domOnly: 1 });
  });
});

