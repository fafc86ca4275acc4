import type { Category, OrderStatus, Service } from '@/policies/order';
import type { Timeline } from '@/policies/order';
import type { z } from 'zod';
import type { AfterSaleKindSchema, FilingKindSchema } from '@/policies/order';
import type { WordList } from '@/utils/page-data/words';

/**
 * The words the back offices print, mapped to the normalized model. Labels are listed most
 * specific first; a label matches only at the start of a text node (so 承诺发货时间 is never read
 * as 发货时间).
 */

export const ORDER_ID_LABELS = ['订单编号', '订单号', '主订单号'] as const;

export const TIME_LABELS: Record<keyof Timeline, readonly string[]> = {
  placedAt: ['下单时间', '创建时间', '成交时间', '订单创建时间'],
  paidAt: ['支付时间', '付款时间'],
  // Absolute instants first; a relative countdown (剩余发货时间 3小时12分) only when no instant is shown.
  shipBy: ['承诺发货时间', '最晚发货时间', '最迟发货时间', '发货截止时间', '剩余发货时间'],
  shippedAt: ['发货时间'],
  pickupScanAt: ['揽收时间'],
  firstHubAt: ['到达分拣中心时间', '首次分拣时间'],
  lastTrackingAt: ['物流更新', '最新物流时间'],
  receivedAt: ['签收时间', '确认收货时间', '收货时间'],
};

export const AMOUNT_LABELS = ['实收款', '实付款', '实付', '订单金额', '应付金额'] as const;

export const AFTER_SALE_LABELS = {
  id: ['售后编号', '售后单号', '退款编号', '售后单编号'],
  requestedAt: ['申请时间'],
  deadline: ['处理截止时间', '商家处理截止时间', '处理截止'],
} as const;

export const FILING_LABELS = {
  approvedAt: ['报备通过时间'],
  newDeadline: ['报备后发货时间'],
} as const;

/** Status words some pages print that the shared word list does not know. */
export const EXTRA_STATUS: WordList<OrderStatus> = [[/^等待买家确认收货$/, 'shipped']];

/** Labels whose value is the buyer's own text (a nickname can spell a tag): never read as a tag. */
export const BUYER_LABEL = /^(买家|买家昵称|昵称|收货人|收件人|买家留言|留言)\s*[:：]?$/;

/** Service tags, matched against a whole text node. */
export const SERVICE_WORDS: Record<string, Service> = {
  当日发: 'same-day-ship',
  '24小时发': 'ship-24h',
  极速退款: 'fast-refund',
  '7天无理由': 'seven-day-return',
  '7天无理由退货': 'seven-day-return',
  七天无理由退货: 'seven-day-return',
  运费险: 'shipping-insurance',
  上门取件: 'door-pickup',
  正品保障: 'genuine',
  生鲜坏单包赔: 'fresh-spoilage',
  坏单包赔: 'fresh-spoilage',
  过敏包退: 'cosmetics-allergy',
  皮肤过敏包退: 'cosmetics-allergy',
  美妆过敏包退: 'cosmetics-allergy',
  红屁股包退: 'diaper-rash',
  损坏包退: 'damage-return',
};

/** Category tags, matched against a whole text node. */
export const CATEGORY_WORDS: Record<string, Category> = {
  活体宠物: 'pets-live',
  宠物活体: 'pets-live',
  活体: 'pets-live',
  生鲜: 'fresh-food',
};

/** A service implies the category it exists for. */
export const SERVICE_CATEGORY: Partial<Record<Service, Category>> = {
  'fresh-spoilage': 'fresh-food',
  'cosmetics-allergy': 'cosmetics',
  'diaper-rash': 'baby',
};

export const CROSS_BORDER_WORDS = new Set(['全球购', '跨境', '海外直邮', '保税仓发货']);

export const AFTER_SALE_KIND_WORDS: WordList<z.infer<typeof AfterSaleKindSchema>> = [
  [/退货退款/, 'return-refund'],
  [/仅退款/, 'refund-only'],
  [/换货/, 'exchange'],
  [/补寄/, 'reship'],
  [/价保/, 'price-protection'],
];

export const WAITING_ON_BUYER = /待买家/;

export const FILING_KIND_WORDS: WordList<z.infer<typeof FilingKindSchema>> = [
  [/买家要求|延迟发货/, 'buyer-asked-delay'],
  [/地址/, 'buyer-address'],
  [/天气|暴雨|暴雪|台风/, 'weather'],
  [/疫情/, 'epidemic'],
  [/系统|故障/, 'outage'],
  [/灾/, 'disaster'],
  [/大促|赛事|会议|活动/, 'major-event'],
];
