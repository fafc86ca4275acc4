import { defineMessages } from '@/utils/i18n';

/** Notification text. */
export const notificationMessages = defineMessages(
  {
    title: '{app} · {platform} · {state}',
    body: '订单 {orderId}：{badge}',
    bodyWithRule: '订单 {orderId}：{badge}\n{rule}',
  },
  {
    title: '{app} · {platform} · {state}',
    body: 'Order {orderId}: {badge}',
    bodyWithRule: 'Order {orderId}: {badge}\n{rule}',
  },
);
