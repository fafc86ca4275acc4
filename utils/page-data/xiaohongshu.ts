import { z } from 'zod';
import type { OrderStatus } from '@/policies/order';
import { code, instant, orderId, text } from './fields';
import { at, leniently, notData, readList, type ListParser, type PageParsers } from './result';
import { statusFrom } from './status';

/**
 * 小红书 千帆 (ark.xiaohongshu.com) list JSON → orders.
 *
 * `POST /api/edith/fulfillment/order/page` → `{ code: 0, success: true, data: { total, packages: [row…] } }`
 * | field | meaning | source |
 * |---|---|---|
 * | `packageId` | the 订单号 `P…` the page prints | PAGES.md |
 * | `status` | 1 unpaid, 2 paid, 3 customs, 4 awaiting shipment, 5 partly shipped, 6 shipped, 7 done, 8 closed, 9 cancelled | open API order status (agiso mirror of the XHS order-detail doc, open.agiso.com `aldsXhs/api/orderDetail`); web code unverified |
 * | `statusDesc` | status words | PAGES.md |
 * | `orderedAt` | placed, ms | PAGES.md |
 * | `paidAt` | paid, ms | open API names it `paidTime`; web name unverified |
 * | `promiseLastDeliveryTime` | 承诺最晚发货时间 (latest promised ship time), ms | open API (same doc; zsmhub/xhs-sdk models the related `msg_fulfillment_delivery_time_change` message). **Unverified in the web JSON**: absent → rule deadline, badge "estimated" |
 * | `deliveryTime`, `finishTime` | shipped / finished, ms | open API |
 * Receiver fields are never read.
 */

const ORDER_STATUS: Record<number, OrderStatus> = {
  1: 'awaiting-payment',
  2: 'awaiting-shipment',
  3: 'awaiting-shipment',
  4: 'awaiting-shipment',
  5: 'awaiting-shipment',
  6: 'shipped',
  7: 'completed',
  8: 'cancelled',
  9: 'cancelled',
};

const Row = z.looseObject({
  packageId: orderId,
  status: code,
  statusDesc: text,
  orderedAt: instant,
  paidAt: instant,
  promiseLastDeliveryTime: instant,
  deliveryTime: instant,
  finishTime: instant,
});

export const parseXiaohongshuOrders: ListParser = (json, readAt) => {
  const failure = notData(json);
  if (failure) return failure;
  return readList(
    at(json, 'data', 'packages'),
    {
      schema: Row,
      required: ['packageId'],
      idOf: (raw) => leniently(raw, 'packageId'),
      toOrder: (row) => ({
        platform: 'xiaohongshu',
        orderId: row.packageId,
        status: statusFrom(ORDER_STATUS, row.status, row.statusDesc),
        timeline: {
          placedAt: row.orderedAt,
          paidAt: row.paidAt,
          shipBy: row.promiseLastDeliveryTime,
          shippedAt: row.deliveryTime,
          receivedAt: row.finishTime,
        },
        readAt,
        source: 'json',
      }),
    },
    at(json, 'data', 'total'),
  );
};

export const xiaohongshuParsers: PageParsers = { 'xiaohongshu.orders': parseXiaohongshuOrders };
