import { z } from 'zod';
import type { OrderStatus } from '@/policies/order';
import { code, flag, instant, orderId, text, yuanFromFen } from './fields';
import { at, leniently, notData, readList, type ListParser, type PageParsers } from './result';
import { statusFrom } from './status';

/**
 * 拼多多 (mms.pinduoduo.com) list JSON → orders.
 *
 * `POST /mangkhut/mms/recentOrderList` → `{ success, error_code, error_msg, result: { totalItemNum, pageItems: [row…] } }`
 * (envelope and row fields as modelled by a public MMS scraper: joslynSmall/rcpdd
 * `src/main/java/cc/mrbird/febs/pdd/model/{PddResult,Result,Pageitems}.java`, endpoint in `contants/PDDUrlContants.java`).
 * | field | meaning | source |
 * |---|---|---|
 * | `order_sn` | order id `260329-…` (订单编号) | rcpdd `Pageitems.java`; PAGES.md |
 * | `order_status` | 1 awaiting shipment, 2 shipped, 3 received | open API `pdd.order.list.get` (`order_status`); web code meaning unverified |
 * | `order_status_str` | status words | rcpdd `Pageitems.java` |
 * | `order_time` | placed, unix s | rcpdd `Pageitems.java` (int) |
 * | `confirm_time` | paid / group formed (成团), unix s | rcpdd `Pageitems.java`; open API `confirm_time` |
 * | `promise_shipping_time` | promised ship-by, unix s | rcpdd `Pageitems.java` (int); meaning from its name, unverified |
 * | `last_ship_time` | 最迟发货时间 (latest ship time) | open API `pdd.order.information.get` (lywzx/pdd-node-sdk `PddOrderInformationGet.ts`, huanghengmin/jeesite_pdd `OrderAdd.java`); used when `promise_shipping_time` is absent; none → rule deadline, badge "estimated" |
 * | `shipping_time`, `receive_time` | shipped / received | rcpdd (`shipping_time`), open API (`receive_time`) |
 * | `order_amount` | paid amount, fen | rcpdd `Pageitems.java` (int) |
 * | `delivery_one_day` | 当日发货 same-day promise, "0"/"1" | rcpdd `Pageitems.java` (String); open API "是否当日发货,0 否，1 是" |
 * Buyer fields in the same rows (`receive_name`, `nickname`, addresses) are never read.
 */

const ORDER_STATUS: Record<number, OrderStatus> = {
  1: 'awaiting-shipment',
  2: 'shipped',
  3: 'received',
};

const Row = z.looseObject({
  order_sn: orderId,
  order_status: code,
  order_status_str: text,
  order_time: instant,
  confirm_time: instant,
  promise_shipping_time: instant,
  last_ship_time: instant,
  shipping_time: instant,
  receive_time: instant,
  order_amount: yuanFromFen,
  delivery_one_day: flag,
});

export const parsePinduoduoOrders: ListParser = (json, readAt) => {
  const failure = notData(json);
  if (failure) return failure;
  return readList(
    at(json, 'result', 'pageItems'),
    {
      schema: Row,
      required: ['order_sn'],
      idOf: (raw) => leniently(raw, 'order_sn'),
      toOrder: (row) => ({
        platform: 'pinduoduo',
        orderId: row.order_sn,
        status: statusFrom(ORDER_STATUS, row.order_status, row.order_status_str),
        amount: row.order_amount,
        services: row.delivery_one_day ? ['same-day-ship'] : [],
        timeline: {
          placedAt: row.order_time,
          paidAt: row.confirm_time,
          shipBy: row.promise_shipping_time ?? row.last_ship_time,
          shippedAt: row.shipping_time,
          receivedAt: row.receive_time,
        },
        readAt,
        source: 'json',
      }),
    },
    at(json, 'result', 'totalItemNum'),
  );
};

export const pinduoduoParsers: PageParsers = { 'pinduoduo.orders': parsePinduoduoOrders };
