import { OrderSchema, type OrderInput } from '@/policies/order';
import type { ReadHealthMap } from '@/utils/background/schemas';
import { inArea, orderKey, ORDERS_VERSION, orderStorageKey } from '@/utils/background/keys';

/**
 * A realistic mix of stored orders relative to `now`, in the storage shape (v3, one key per order), for
 * screenshots and demos: every state the popup distinguishes, four platforms, one stale and
 * one unreadable page.
 */
const M = 60_000;
const H = 60 * M;

export function seedStorage(now: number): Record<string, unknown> {
  const paid = (hoursAgo: number) => now - hoursAgo * H;
  const orders: OrderInput[] = [
    { platform: 'douyin', orderId: '6938201746521837012', amount: 259, timeline: { paidAt: paid(47), shipBy: now + 18 * M } },
    { platform: 'douyin', orderId: '6938201746521837544', amount: 89.9, subOrderCount: 2, timeline: { paidAt: paid(49), shipBy: now - 25 * M } },
    { platform: 'douyin', orderId: '6938201746521839120', amount: 45, timeline: { paidAt: paid(38), shipBy: now + 9 * H } },
    { platform: 'douyin', orderId: '6938201746521840007', amount: 120, timeline: { paidAt: paid(3), shipBy: now + 45 * H } },
    {
      platform: 'douyin',
      orderId: '6938201746521802231',
      amount: 399,
      status: 'received',
      timeline: { paidAt: paid(120), shippedAt: paid(100), pickupScanAt: paid(99), firstHubAt: paid(90), receivedAt: paid(30) },
      afterSales: [{ id: '7200318899', kind: 'refund-only', requestedAt: now - 20 * H, deadline: now + 2 * H + 10 * M }],
    },
    { platform: 'kuaishou', orderId: '2418830017745120', amount: 68, timeline: { paidAt: paid(45), shipBy: now + 2 * H + 35 * M } },
    { platform: 'kuaishou', orderId: '2418830017745391', amount: 32.5, timeline: { paidAt: paid(10) } },
    { platform: 'alibaba1688', orderId: '3719402258061834211', amount: 1860, subOrderCount: 3, timeline: { paidAt: paid(46) } },
    { platform: 'alibaba1688', orderId: '3719402258061839905', amount: 540, timeline: { paidAt: paid(50) } },
  ].map((o) => ({ status: 'awaiting-shipment', readAt: now - 4 * M, ...o }) as OrderInput);
  // Kuaishou's page was last read 5 hours ago: its data is stale.
  for (const o of orders) if (o.platform === 'kuaishou') o.readAt = now - 5 * H;

  const parsed = orders.map((o) => OrderSchema.parse(o));
  const readHealth: ReadHealthMap = {
    douyin: { lastReadAt: now - 4 * M, pagePath: '/ffa/morder/order/list', rows: 5, unreadable: 0, reasons: [] },
    kuaishou: { lastReadAt: now - 5 * H, pagePath: '/zone/order/list', rows: 2, unreadable: 0, reasons: [] },
    alibaba1688: { lastReadAt: now - 12 * M, pagePath: '/order/seller_order_list.htm', rows: 2, unreadable: 1, reasons: ['下单时间 "2024-02-30 18:00" 不是有效日期'] },
    tmallGlobal: { lastReadAt: now - 2 * M, pagePath: '/home.htm/trade-platform/tp/sold', rows: 0, unreadable: 15, reasons: ['找不到订单表格：页面布局可能已更新'] },
  };
  return {
    ...Object.fromEntries(parsed.map((o) => [inArea(orderStorageKey(orderKey(o))), JSON.stringify(o)])),
    orders$: { v: ORDERS_VERSION },
    readHealth,
  };
}
