import { describe, expect, it } from 'vitest';
import { PARSERS } from '@/utils/page-data/parsers';
import { ENDPOINTS, ENDPOINT_IDS, type EndpointId } from '@/utils/page-data/endpoints';
import { douyinParsers } from '@/utils/page-data/douyin';
import { kuaishouParsers } from '@/utils/page-data/kuaishou';
import { pinduoduoParsers } from '@/utils/page-data/pinduoduo';
import type { PageParsers, ParseResult } from '@/utils/page-data/result';
import { tmallParsers } from '@/utils/page-data/tmall';
import { xiaohongshuParsers } from '@/utils/page-data/xiaohongshu';
import { LIST_FIXTURES } from '../fixtures/json';
import { douyinAfterSales, type FixtureCase } from '../fixtures/json/douyin';
import { kuaishouOrders } from '../fixtures/json/kuaishou';
import { pinduoduoOrders } from '../fixtures/json/pinduoduo';
import { BASE, HOUR, fixtureOrders, ids, type JsonFixture } from '../fixtures/json/spec';

const ENDPOINT: Record<JsonFixture['platform'], EndpointId> = {
  douyin: 'douyin.orders',
  kuaishou: 'kuaishou.orders',
  tmallGlobal: 'tmallGlobal.sold',
  pinduoduo: 'pinduoduo.orders',
  xiaohongshu: 'xiaohongshu.orders',
};
const READ_AT = BASE + HOUR;

/** Parse what the page would receive: the response as JSON text. */
function parse(fixture: JsonFixture, body: unknown): ParseResult {
  return PARSERS[ENDPOINT[fixture.platform]](JSON.parse(JSON.stringify(body)), READ_AT);
}

function ordersOf(result: ParseResult) {
  if (result.kind !== 'orders') throw new Error(`expected orders, got ${result.kind}`);
  return result;
}

describe.each(LIST_FIXTURES)('$platform list JSON', (fixture) => {
  const specs = fixtureOrders(10, fixture.idOf);
  const rows = () => specs.map(fixture.row);
  const isTmall = fixture.platform === 'tmallGlobal';
  /** 千牛 keeps its deadline per sub-order; the others on the row. */
  const withDeadline = (row: Record<string, unknown>, value: unknown) => {
    const copy = structuredClone(row);
    const holders = isTmall ? (copy.subOrders as Record<string, unknown>[]) : [copy];
    for (const holder of holders) {
      if (value === undefined) delete holder[fixture.deadlineKey];
      else holder[fixture.deadlineKey] = value;
    }
    return copy;
  };

  it('reads every order with the platform deadline, times, status and amount', () => {
    const { orders, rowFailures, fieldIssues } = ordersOf(parse(fixture, fixture.response(rows())));
    expect(rowFailures).toEqual([]);
    expect(fieldIssues).toEqual([]);
    expect(orders.map((o) => o.orderId)).toEqual(specs.map((s) => s.id));
    orders.forEach((order, i) => {
      const spec = specs[i]!;
      expect(order.platform).toBe(fixture.platform);
      expect(order.source).toBe('json');
      expect(order.readAt).toBe(READ_AT);
      expect(order.status).toBe(fixture.statusAs?.[spec.status] ?? spec.status);
      expect(order.timeline.shipBy).toBe(spec.shipBy);
      expect(order.timeline.placedAt).toBe(spec.placedAt - (spec.placedAt % 1000));
      if (fixture.platform !== 'tmallGlobal') expect(order.timeline.paidAt).toBe(spec.paidAt);
      expect(order.amount).toBe(fixture.noAmount ? undefined : spec.amountYuan);
    });
  });

  it('leaves the deadline undefined when the JSON does not carry it (rule fallback)', () => {
    const stripped = rows().map((row) => withDeadline(row, undefined));
    const { orders, fieldIssues } = ordersOf(parse(fixture, fixture.response(stripped)));
    expect(orders).toHaveLength(10);
    expect(orders.every((o) => o.timeline.shipBy === undefined)).toBe(true);
    expect(fieldIssues).toEqual([]);
  });

  it('treats 0 as "not set", never as 1970', () => {
    const zeroed = rows().map((row) => withDeadline(row, isTmall ? '' : 0));
    const { orders, fieldIssues } = ordersOf(parse(fixture, fixture.response(zeroed)));
    expect(orders).toHaveLength(10);
    expect(orders.every((o) => o.timeline.shipBy === undefined)).toBe(true);
    expect(fieldIssues).toEqual([]);
  });

  it('drops a wrong-typed deadline with a field issue, and reports a row without a usable id', () => {
    const broken = rows();
    broken[1] = withDeadline(broken[1]!, '明天');
    broken[2] = { ...broken[2], [fixture.idKey]: { nested: true } };
    broken[3] = 'not a row' as unknown as Record<string, unknown>;
    const { orders, rowFailures, fieldIssues } = ordersOf(parse(fixture, fixture.response(broken)));
    expect(orders.map((o) => o.orderId)).toEqual(specs.filter((_, i) => i !== 2 && i !== 3).map((s) => s.id));
    const second = orders.find((o) => o.orderId === specs[1]!.id)!;
    expect(second.timeline.shipBy).toBeUndefined();
    expect(second.timeline.placedAt).toBeDefined();
    expect(fieldIssues).toHaveLength(1);
    expect(fieldIssues[0]!.orderId).toBe(specs[1]!.id);
    expect(fieldIssues[0]!.field).toContain(fixture.deadlineKey);
    expect(rowFailures.map((f) => f.rowKey)).toEqual(['#2', '#3']);
  });

  it.runIf(isTmall)('rejects a garbled date instead of rolling it over', () => {
    const broken = rows();
    broken[0] = { ...broken[0], orderInfo: { createTime: '2026-02-31 10:00:00' } };
    const { orders, fieldIssues } = ordersOf(parse(fixture, fixture.response(broken)));
    expect(orders[0]!.timeline.placedAt).toBeUndefined();
    expect(fieldIssues.map((f) => f.field)).toEqual(['orderInfo.createTime']);
  });

  it('reads an empty list as zero orders (not a failure)', () => {
    const result = ordersOf(parse(fixture, fixture.response([])));
    expect(result.orders).toEqual([]);
    expect(result.rowFailures).toEqual([]);
  });

  it('types a captcha / risk-control answer as "not data"', () => {
    const result = parse(fixture, fixture.captcha);
    expect(result.kind).toBe('not-data');
    expect(result.kind === 'not-data' && result.reason).toBe('captcha');
  });

  it('reports a response without the list as unrecognized (the page changed)', () => {
    expect(parse(fixture, { somethingElse: [] }).kind).toBe('unrecognized');
    expect(parse(fixture, 'plain text').kind).toBe('unrecognized');
    expect(parse(fixture, null).kind).toBe('unrecognized');
  });

  it('reads a 100-page stream of responses, 20 rows each, without losing or mixing orders', () => {
    const seen = new Map<string, number | undefined>();
    for (let page = 0; page < 100; page++) {
      const pageSpecs = fixtureOrders(20, fixture.idOf, page * 20);
      const { orders, rowFailures } = ordersOf(parse(fixture, fixture.response(pageSpecs.map(fixture.row), 2000)));
      expect(rowFailures).toEqual([]);
      for (const o of orders) seen.set(o.orderId, o.timeline.shipBy);
    }
    expect(seen.size).toBe(2000);
    const all = fixtureOrders(2000, fixture.idOf);
    expect(all.every((spec) => seen.get(spec.id) === spec.shipBy)).toBe(true);
  });
});

describe('platform specifics', () => {
  it('抖店 ids that arrive as unsafe JSON numbers are refused, safe ones kept', () => {
    const [douyin] = LIST_FIXTURES;
    const spec = fixtureOrders(2, douyin!.idOf);
    const text = JSON.stringify(douyin!.response(spec.map(douyin!.row)))
      .replace(`"${spec[0]!.id}"`, spec[0]!.id) // 19 digits: loses precision as a number
      .replace(`"${spec[1]!.id}"`, '123456789');
    const result = ordersOf(PARSERS['douyin.orders'](JSON.parse(text), READ_AT));
    expect(result.orders.map((o) => o.orderId)).toEqual(['123456789']);
    expect(result.rowFailures).toHaveLength(1);
  });
});

describe('抖店 after-sales list', () => {
  const order = ids.douyin(1);
  const cases: FixtureCase[] = [
    { orderId: order, caseId: '7001', type: 0, status: 6, appliedAt: BASE, deadline: BASE + 48 * HOUR },
    { orderId: order, caseId: '7002', type: 3, status: 7, appliedAt: BASE + HOUR },
    { orderId: ids.douyin(2), caseId: '7003', type: 2, status: 12, appliedAt: BASE },
  ];

  it('groups cases per order with their kind, step deadline and whose move it is', () => {
    const { orders } = ordersOf(PARSERS['douyin.afterSales'](douyinAfterSales(cases), READ_AT));
    expect(orders.map((o) => o.orderId)).toEqual([order, ids.douyin(2)]);
    expect(orders[0]!.afterSales).toEqual([
      { id: '7001', kind: 'return-refund', requestedAt: BASE, deadline: BASE + 48 * HOUR, awaitingMerchant: true },
      { id: '7002', kind: 'exchange', requestedAt: BASE + HOUR, deadline: undefined, awaitingMerchant: false },
    ]);
    expect(orders[1]!.afterSales[0]).toMatchObject({ kind: 'refund-only', awaitingMerchant: false });
  });

  it('refuses a case without its apply time rather than inventing one', () => {
    const body = douyinAfterSales(cases) as { data: { items: { after_sale_info: Record<string, unknown> }[] } };
    delete body.data.items[0]!.after_sale_info.apply_time;
    const result = ordersOf(PARSERS['douyin.afterSales'](body, READ_AT));
    expect(result.rowFailures).toEqual([{ rowKey: order, reason: expect.stringContaining('apply_time') }]);
    expect(result.orders.flatMap((o) => o.afterSales.map((c) => c.id))).toEqual(['7002', '7003']);
  });
});

describe('快手 deadlines and refunds', () => {
  const row = (extra: Record<string, unknown>) =>
    kuaishouOrders.response([{ oid: ids.kuaishou(1), status: 30, createTime: BASE, payTime: BASE, ...extra }]);

  it('prefers the delay-filing deadline, then the valid promise, then the plain promise', () => {
    const shipBy = (extra: Record<string, unknown>) =>
      ordersOf(PARSERS['kuaishou.orders'](row(extra), READ_AT)).orders[0]!.timeline.shipBy;
    const promise = BASE + 48 * HOUR;
    expect(shipBy({ promiseTimeStampOfDelivery: promise })).toBe(promise);
    expect(shipBy({ promiseTimeStampOfDelivery: promise, validPromiseShipmentTimeStamp: promise + HOUR })).toBe(promise + HOUR);
    expect(
      shipBy({ promiseTimeStampOfDelivery: promise, validPromiseShipmentTimeStamp: promise + HOUR, sellerDelayPromiseTimeStamp: promise + 72 * HOUR }),
    ).toBe(promise + 72 * HOUR);
  });

  it('reads the refund list as after-sales cases awaiting the merchant', () => {
    const body = {
      result: 1,
      data: {
        resultList: [
          { refundId: 'R1', orderId: ids.kuaishou(1), refundStatus: 10, handlingWay: 10, createTime: BASE, expressLatestTraceState: '已发货' },
          { refundId: 'R2', orderId: ids.kuaishou(2), refundStatus: 60, handlingWay: 1, createTime: BASE },
        ],
      },
    };
    const { orders } = ordersOf(PARSERS['kuaishou.refunds'](body, READ_AT));
    expect(orders.map((o) => o.afterSales[0])).toEqual([
      { id: 'R1', kind: 'refund-only', requestedAt: BASE, deadline: undefined, awaitingMerchant: true },
      { id: 'R2', kind: 'return-refund', requestedAt: BASE, deadline: undefined, awaitingMerchant: false },
    ]);
    expect(PARSERS['kuaishou.refunds'](kuaishouOrders.captcha, READ_AT).kind).toBe('not-data');
  });
});

describe('拼多多 same-day flag and open-API deadline', () => {
  it('marks delivery_one_day orders as same-day and falls back to last_ship_time', () => {
    const body = pinduoduoOrders.response([
      { order_sn: ids.pinduoduo(1), order_status: 1, order_time: 1_774_749_600, delivery_one_day: '1', last_ship_time: '2026-03-30 16:00:00' },
      { order_sn: ids.pinduoduo(2), order_status: 1, order_time: 1_774_749_600, delivery_one_day: 0 },
    ]);
    const { orders } = ordersOf(PARSERS['pinduoduo.orders'](body, READ_AT));
    expect(orders[0]!.services).toEqual(['same-day-ship']);
    expect(orders[0]!.timeline.shipBy).toBe(Date.UTC(2026, 2, 30, 8, 0, 0));
    expect(orders[1]!.services).toEqual([]);
    expect(orders[1]!.timeline.shipBy).toBeUndefined();
  });
});

describe('not-data classification', () => {
  it.each([
    [{ code: 40001, msg: '登录已过期，请重新登录' }, 'login'],
    [{ success: false, error_msg: '请求太频繁，请稍后再试' }, 'rate-limited'],
    [{ ret: ['FAIL_SYS_USER_VALIDATE::哎哟喂,被挤爆啦'] }, 'captcha'],
    [{ code: 500, msg: '系统繁忙' }, 'error'],
  ])('%j → %s', (body, reason) => {
    const result = PARSERS['douyin.orders'](body, READ_AT);
    expect(result).toMatchObject({ kind: 'not-data', reason });
  });
});

describe('parser sets', () => {
  const sets: Record<string, PageParsers> = {
    douyin: douyinParsers,
    kuaishou: kuaishouParsers,
    tmallGlobal: tmallParsers,
    pinduoduo: pinduoduoParsers,
    xiaohongshu: xiaohongshuParsers,
  };

  it.each(Object.entries(ENDPOINTS))("%s's content script carries exactly the parsers of its platform's endpoints", (platform, endpoints) => {
    expect(Object.keys(sets[platform] ?? {}).sort()).toEqual(endpoints!.map((e) => e.id).sort());
  });

  it('every endpoint has its parser', () => {
    expect(Object.keys(PARSERS).sort()).toEqual([...ENDPOINT_IDS].sort());
  });
});
