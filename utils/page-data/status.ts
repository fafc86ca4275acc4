import type { OrderStatus } from '@/policies/order';
import { meaningOf, type WordList } from './words';

/**
 * Status words the back offices print (and repeat in their JSON as `*_text` / `statusDesc`).
 * Checked in this order because e.g. 待收货 must win over the 收货 in 已收货. A partial shipment
 * still owes the rest, so it stays awaiting-shipment and keeps its ship clock.
 */
const WORDS: WordList<OrderStatus> = [
  [/交易关闭|已关闭|已取消|退款成功|交易取消/, 'cancelled'],
  [/交易成功|已完成|交易完成/, 'completed'],
  [/部分发货/, 'awaiting-shipment'],
  [/待收货|已发货|卖家已发货|运输中|待揽收/, 'shipped'],
  [/已签收|已收货/, 'received'],
  [/待发货|备货中|买家已付款|等待卖家发货|已支付|待出库|清关中/, 'awaiting-shipment'],
  [/待付款|待支付|等待买家付款/, 'awaiting-payment'],
];

export function statusFromWords(text: string | undefined): OrderStatus | undefined {
  if (!text) return undefined;
  return meaningOf(WORDS, text);
}

/** A platform's numeric status, falling back to its words when the code is unknown. */
export function statusFrom(
  table: Readonly<Record<number, OrderStatus>>,
  code: number | undefined,
  words: string | undefined,
): OrderStatus | undefined {
  return (code !== undefined ? table[code] : undefined) ?? statusFromWords(words);
}
