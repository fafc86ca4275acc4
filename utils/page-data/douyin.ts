import { z } from 'zod';
import type { AfterSaleCase, OrderStatus } from '@/policies/order';
import { code, instant, orderId, requiredInstant, text, yuanFromFen } from './fields';
import { at, leniently, mergeCasesByOrder, notData, readList, type ListParser, type PageParsers } from './result';
import { statusFrom } from './status';

/**
 * 抖店 (fxg.jinritemai.com) list JSON → orders.
 *
 * Order list `GET /api/order/searchlist` → `{ code: 0, data: [row…], total }`
 * | field | meaning | source |
 * |---|---|---|
 * | `shop_order_id` | order id (订单编号, the row's `data-row-key`) | PAGES.md (public scrapers of the web list) |
 * | `order_status` | 1 unpaid, 2 备货中 (awaiting shipment), 101 partly shipped, 3 shipped, 4 cancelled, 5 done; 105 paid | open API `order.searchList` (PLATFORMS.md: 2 = awaiting shipment) |
 * | `order_status_text` | the status words shown in the row | PAGES.md |
 * | `create_time`, `pay_time` | placed / paid, unix s | PAGES.md (`create_time`), open API (`pay_time`) |
 * | `exp_ship_time` | the platform's ship-by instant (最晚发货时间), unix s | open API; e.g. zeasin/qihangerp-sdk `open-sdk/.../dou/model/order/Order.java`, doudian SDK `@OpField(desc = "预计发货时间")`. **Unverified in the web JSON**: when absent the engine computes the rule deadline and the badge says "estimated" |
 * | `ship_time`, `finish_time` | shipped / finished, unix s | open API |
 * | `pay_amount` | paid amount in fen (分) | open API amounts are fen; web unit unverified |
 *
 * After-sales `POST /after_sale/pc/list` → `{ code: 0, data: { items: [row…], total } }`
 * | field | meaning | source |
 * |---|---|---|
 * | `order_info.order_id` | the order the case belongs to | PAGES.md |
 * | `after_sale_info.after_sale_id` | case id | PAGES.md |
 * | `after_sale_info.after_sale_type` | 0 return+refund, 1/2 refund only, 3 exchange, 6 price protection, 7 reship | PLATFORMS.md (open API `afterSale/List` `aftersale_type`) |
 * | `after_sale_info.after_sale_status` | 6 awaiting approval, 8 awaiting merchant shipment, 11 second approval = merchant's move | PLATFORMS.md (`aftersale_status`) |
 * | `after_sale_info.arbitrate_status` | 4 = awaiting merchant evidence | PLATFORMS.md |
 * | `after_sale_info.apply_time` | requested, unix s | PAGES.md |
 * | `after_sale_info.status_deadline` | the current step's deadline (当前节点逾期时间) | open API `afterSale/List` (PLATFORMS.md); **unverified in the web JSON** |
 *
 * Service tickets (服务请求) — endpoint path ASSUMED (endpoints.ts) → `{ code: 0, data: { list: [row…], total } }`
 * | field | meaning | source |
 * |---|---|---|
 * | `id` | ticket id (服务请求ID) | open API `order.getServiceList` (e.g. zsmhub/doudian-sdk api/order_getServiceList) |
 * | `order_id` | the order the ticket is about | same; int64 there: a 19-digit number loses precision, so only strings or safe integers are read |
 * | `operate_status` | 0 待处理 (the merchant's move), 5 用户确认中, 10 平台介入中 / 审核中, 100 已完结 / 已关闭 | same (request `status`: 0 / 10 / 100) and `order.serviceDetail` |
 * | `create_time`, `reply_time` | opened / last replied, China wall clock (`2020-12-09 13:34:55`), `''` = not yet | same |
 * | `expiration_time` | the reply deadline (超时时间) | `order.serviceDetail` only; **unverified in the list JSON**: when absent the rule window applies |
 * `detail` (服务单详情, buyer text) and `reply` (回复内容) are never read.
 *
 * Buyer names and addresses in these rows are never read.
 */

const ORDER_STATUS: Record<number, OrderStatus> = {
  1: 'awaiting-payment',
  2: 'awaiting-shipment',
  105: 'awaiting-shipment',
  101: 'awaiting-shipment',
  3: 'shipped',
  4: 'cancelled',
  5: 'completed',
};

const OrderRow = z.looseObject({
  shop_order_id: orderId,
  order_status: code,
  order_status_text: text,
  create_time: instant,
  pay_time: instant,
  exp_ship_time: instant,
  ship_time: instant,
  finish_time: instant,
  pay_amount: yuanFromFen,
});

export const parseDouyinOrders: ListParser = (json, readAt) => {
  const failure = notData(json);
  if (failure) return failure;
  return readList(
    at(json, 'data'),
    {
      schema: OrderRow,
      required: ['shop_order_id'],
      idOf: (raw) => leniently(raw, 'shop_order_id'),
      toOrder: (row) => ({
        platform: 'douyin',
        orderId: row.shop_order_id,
        status: statusFrom(ORDER_STATUS, row.order_status, row.order_status_text),
        amount: row.pay_amount,
        timeline: {
          placedAt: row.create_time,
          paidAt: row.pay_time,
          shipBy: row.exp_ship_time,
          shippedAt: row.ship_time,
          receivedAt: row.finish_time,
        },
        readAt,
        source: 'json',
      }),
    },
    at(json, 'total'),
  );
};

const KIND: Record<number, AfterSaleCase['kind']> = {
  0: 'return-refund',
  1: 'refund-only',
  2: 'refund-only',
  3: 'exchange',
  6: 'price-protection',
  7: 'reship',
};
const MERCHANT_STEPS = new Set([6, 8, 11]);
const AWAITING_MERCHANT_EVIDENCE = 4;

const AfterSaleRow = z.looseObject({
  after_sale_info: z.looseObject({
    after_sale_id: orderId,
    after_sale_type: code,
    after_sale_status: code,
    arbitrate_status: code,
    apply_time: requiredInstant,
    status_deadline: instant,
  }),
  order_info: z.looseObject({ order_id: orderId }),
});

export const parseDouyinAfterSales: ListParser = (json, readAt) => {
  const failure = notData(json);
  if (failure) return failure;
  const result = readList(
    at(json, 'data', 'items'),
    {
      schema: AfterSaleRow,
      required: ['order_info.order_id', 'after_sale_info.after_sale_id', 'after_sale_info.apply_time'],
      idOf: (raw) => leniently(raw, 'order_info', 'order_id'),
      toOrder: ({ after_sale_info: info, order_info }) => ({
        platform: 'douyin',
        orderId: order_info.order_id,
        afterSales: [
          {
            id: info.after_sale_id,
            kind: (info.after_sale_type !== undefined ? KIND[info.after_sale_type] : undefined) ?? 'other',
            requestedAt: info.apply_time,
            deadline: info.status_deadline,
            awaitingMerchant:
              (info.after_sale_status !== undefined && MERCHANT_STEPS.has(info.after_sale_status)) ||
              info.arbitrate_status === AWAITING_MERCHANT_EVIDENCE,
          },
        ],
        readAt,
        source: 'json',
        // The case list shows no timeline: merged into the stored order's cases (background merge).
        scope: 'cases',
      }),
    },
    at(json, 'data', 'total'),
  );
  return result.kind === 'orders' ? { ...result, orders: mergeCasesByOrder(result.orders) } : result;
};

/** operate_status codes that leave the ticket with the buyer or the platform, or closed. */
const TICKET_ELSEWHERE = new Set([5, 10, 100]);
const TICKET_MERCHANT_STEP = 0;

const TicketRow = z.looseObject({
  id: orderId,
  order_id: orderId,
  operate_status: code,
  create_time: requiredInstant,
  reply_time: instant,
  expiration_time: instant,
});

export const parseDouyinServiceTickets: ListParser = (json, readAt) => {
  const failure = notData(json);
  if (failure) return failure;
  const result = readList(
    at(json, 'data', 'list'),
    {
      schema: TicketRow,
      required: ['id', 'order_id', 'create_time'],
      idOf: (raw) => leniently(raw, 'order_id'),
      toOrder: (row) => {
        // An unknown code: replied or not is all the row says (a clock is never hidden by a guess).
        const awaitingMerchant =
          row.operate_status === TICKET_MERCHANT_STEP ||
          (!(row.operate_status !== undefined && TICKET_ELSEWHERE.has(row.operate_status)) && row.reply_time === undefined);
        return {
          platform: 'douyin',
          orderId: row.order_id,
          serviceTickets: [
            {
              id: row.id,
              openedAt: row.create_time,
              // A reply the platform sent back (驳回) keeps its time while the ticket is open again.
              repliedAt: awaitingMerchant ? undefined : row.reply_time,
              deadline: row.expiration_time,
              awaitingMerchant,
            },
          ],
          readAt,
          source: 'json',
          scope: 'cases',
        };
      },
    },
    at(json, 'data', 'total'),
  );
  return result.kind === 'orders' ? { ...result, orders: mergeCasesByOrder(result.orders) } : result;
};

export const douyinParsers: PageParsers = {
  'douyin.orders': parseDouyinOrders,
  'douyin.afterSales': parseDouyinAfterSales,
  'douyin.serviceTickets': parseDouyinServiceTickets,
};
