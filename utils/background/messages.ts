import { defineMessages } from '@/utils/i18n';

/** Notification text. */
export const notificationMessages = defineMessages(
  {
    title: '{app} · {platform} · {state}',
    body: '订单 {orderId}：{badge}',
    bodyWithRule: '订单 {orderId}：{badge}\n{rule}',
    summaryTitle: '{app} · {count} 项时效紧急或已超时',
    summaryLine: '{platform} {orderId}：{badge}',
    summaryMore: '另有 {count} 项，打开守约查看',
  },
  {
    title: '{app} · {platform} · {state}',
    body: 'Order {orderId}: {badge}',
    bodyWithRule: 'Order {orderId}: {badge}\n{rule}',
    summaryTitle: '{app} · {count} deadlines critical or overdue',
    summaryLine: '{platform} {orderId}: {badge}',
    summaryMore: '{count} more — open Shouyue to see them',
  },
);
