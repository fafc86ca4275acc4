import { z } from 'zod';
import type { AfterSaleCase, OrderStatus } from '@/policies/order';
import { code, instant, orderId, requiredInstant, text, yuanFromFen } from './fields';
import { at, leniently, mergeCasesByOrder, notData, readList, type ListParser, type PageParsers } from './result';
import { statusFrom } from './status';

/**
 * 快手小店 (s.kwaixiaodian.com) list JSON → orders. Success is `result: 1`.
 *
 * Order list `POST /rest/app/tts/ks/seller/order/query/v2` → `{ result: 1, data: { orderList: [row…], total } }`
 * | field | meaning | source |
 * |---|---|---|
 * | `oid` | order id | PAGES.md; open API `oid` |
 * | `status` | 10 unpaid, 30 paid (awaiting shipment), 40 shipped, 50 received, 70 done, 80 closed | open API (PLATFORMS.md: 30 = awaiting shipment) |
 * | `statusDesc` | status words | unverified (falls back to `status`) |
 * | `createTime`, `payTime` | placed / paid, ms | PAGES.md |
 * | `sellerDelayPromiseTimeStamp` | ship-by after an agreed delay filing, ms | open API (PLATFORMS.md) |
 * | `validPromiseShipmentTimeStamp` | 预售发货时间/承诺发货时间, ms | Kuaishou open-platform order field list (quoted in public SDK code) |
 * | `promiseTimeStampOfDelivery` | 仅表示承诺发货时间 (promised ship time), ms | same field list; Go/TS SDK structs on GitHub. All three are **unverified in the web JSON**; the first present wins in the order above, none → rule deadline, badge "estimated" |
 * | `sendTime`, `recvTime` | shipped / received, ms | open API |
 * | `totalFee` | paid amount in fen | open API; web unverified |
 *
 * Refund list `POST /rest/pc/aftersales/schema/refund/list/pagination` → `{ result: 1, data: { resultList: [row…], total } }`
 * | field | meaning | source |
 * |---|---|---|
 * | `refundId`, `orderId` | case id, order id | PAGES.md |
 * | `refundStatus` | 10/11/12 buyer applied, awaiting merchant; 40 returned goods awaiting merchant | open API refund status; **unverified** |
 * | `handlingWay` | 1 return+refund, 10 refund only, 3 exchange | open API; **unverified** |
 * | `createTime` | requested, ms | open API; web unverified |
 * The web refund list names no step deadline: the after-sales clock is the rule's.
 */

const ORDER_STATUS: Record<number, OrderStatus> = {
  10: 'awaiting-payment',
  30: 'awaiting-shipment',
  40: 'shipped',
  50: 'received',
  70: 'completed',
  80: 'cancelled',
};

const SUCCESS = { result: 1 };

const OrderRow = z.looseObject({
  oid: orderId,
  status: code,
  statusDesc: text,
  createTime: instant,
  payTime: instant,
  sellerDelayPromiseTimeStamp: instant,
  validPromiseShipmentTimeStamp: instant,
  promiseTimeStampOfDelivery: instant,
  sendTime: instant,
  recvTime: instant,
  totalFee: yuanFromFen,
});

export const parseKuaishouOrders: ListParser = (json, readAt) => {
  const failure = notData(json, SUCCESS);
  if (failure) return failure;
  return readList(
    at(json, 'data', 'orderList'),
    {
      schema: OrderRow,
      required: ['oid'],
      idOf: (raw) => leniently(raw, 'oid'),
      toOrder: (row) => ({
        platform: 'kuaishou',
        orderId: row.oid,
        status: statusFrom(ORDER_STATUS, row.status, row.statusDesc),
        amount: row.totalFee,
        timeline: {
          placedAt: row.createTime,
          paidAt: row.payTime,
          shipBy:
            row.sellerDelayPromiseTimeStamp ?? row.validPromiseShipmentTimeStamp ?? row.promiseTimeStampOfDelivery,
          shippedAt: row.sendTime,
          receivedAt: row.recvTime,
        },
        readAt,
        source: 'json',
      }),
    },
    at(json, 'data', 'total'),
  );
};

const KIND: Record<number, AfterSaleCase['kind']> = { 1: 'return-refund', 10: 'refund-only', 3: 'exchange' };
const MERCHANT_STEPS = new Set([10, 11, 12, 40]);

const RefundRow = z.looseObject({
  refundId: orderId,
  orderId,
  refundStatus: code,
  handlingWay: code,
  createTime: requiredInstant,
});

export const parseKuaishouRefunds: ListParser = (json, readAt) => {
  const failure = notData(json, SUCCESS);
  if (failure) return failure;
  const result = readList(
    at(json, 'data', 'resultList'),
    {
      schema: RefundRow,
      required: ['orderId', 'refundId', 'createTime'],
      idOf: (raw) => leniently(raw, 'orderId'),
      toOrder: (row) => ({
        platform: 'kuaishou',
        orderId: row.orderId,
        afterSales: [
          {
            id: row.refundId,
            kind: (row.handlingWay !== undefined ? KIND[row.handlingWay] : undefined) ?? 'other',
            requestedAt: row.createTime,
            awaitingMerchant: row.refundStatus !== undefined && MERCHANT_STEPS.has(row.refundStatus),
          },
        ],
        readAt,
        source: 'json',
      }),
    },
    at(json, 'data', 'total'),
  );
  return result.kind === 'orders' ? { ...result, orders: mergeCasesByOrder(result.orders) } : result;
};

export const kuaishouParsers: PageParsers = { 'kuaishou.orders': parseKuaishouOrders, 'kuaishou.refunds': parseKuaishouRefunds };
