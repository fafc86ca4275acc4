import { z } from 'zod';
import { InstantSchema } from './instant';
import { PlatformSchema } from './platforms';

/**
 * The normalized order: what every adapter produces and the engine evaluates.
 * It deliberately has no field for a buyer's name, phone or address.
 */

export const CategorySchema = z.enum([
  'fresh-food',
  'food',
  'cosmetics',
  'baby',
  'health',
  'home',
  'pets-live',
  'other',
]);
export type Category = z.infer<typeof CategorySchema>;

/** Services the shop promised on this order (shown on the page or set as shop promises). */
export const ServiceSchema = z.enum([
  'same-day-ship', // 当日发
  'ship-24h', // 24小时发
  'fast-refund', // 极速退款
  'seven-day-return', // 七天无理由退货
  'shipping-insurance', // 运费险
  'door-pickup', // 上门取件
  'genuine', // 正品保障
  'fresh-spoilage', // 生鲜坏单包赔
  'cosmetics-allergy', // 美妆/皮肤过敏包退
  'diaper-rash', // 红屁股包退
  'damage-return', // 损坏包退
]);
export type Service = z.infer<typeof ServiceSchema>;

export const OrderStatusSchema = z.enum([
  'awaiting-payment',
  'awaiting-shipment',
  'shipped',
  'received',
  'completed',
  'cancelled',
]);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

const optionalInstant = InstantSchema.optional();

export const TimelineSchema = z.object({
  placedAt: optionalInstant,
  paidAt: optionalInstant,
  /** The platform's own promised ship-by instant, when the page or its data shows one. */
  shipBy: optionalInstant,
  shippedAt: optionalInstant,
  /** First carrier pickup scan (揽收). */
  pickupScanAt: optionalInstant,
  /** Arrival at / departure from the first sorting hub. */
  firstHubAt: optionalInstant,
  lastTrackingAt: optionalInstant,
  /** Signed for / received by the buyer. */
  receivedAt: optionalInstant,
});
export type Timeline = z.infer<typeof TimelineSchema>;

export const AfterSaleKindSchema = z.enum([
  'return-refund',
  'refund-only',
  'exchange',
  'reship',
  'price-protection',
  'allergy-claim',
  'diaper-rash-claim',
  'damage-claim',
  'spoilage-claim',
  'other',
]);
export type AfterSaleKind = z.infer<typeof AfterSaleKindSchema>;

export const AfterSaleCaseSchema = z.object({
  id: z.string().min(1).max(64),
  kind: AfterSaleKindSchema,
  requestedAt: InstantSchema,
  /** When the merchant acted on the current step (approved, refused, refunded …). */
  handledAt: optionalInstant,
  /** The platform's own deadline for the merchant's current step (抖店 status_deadline). */
  deadline: optionalInstant,
  /** False when the case is waiting on the buyer or the platform, not the merchant. */
  awaitingMerchant: z.boolean().default(true),
});
export type AfterSaleCase = z.infer<typeof AfterSaleCaseSchema>;

export const ServiceTicketSchema = z.object({
  id: z.string().min(1).max(64),
  openedAt: InstantSchema,
  repliedAt: optionalInstant,
  /** The platform's own reply deadline, when the page or its data shows one. */
  deadline: optionalInstant,
  /** False when the ticket waits on the buyer or the platform (用户确认中 / 平台介入中 / 已完结). */
  awaitingMerchant: z.boolean().default(true),
});
export type ServiceTicket = z.infer<typeof ServiceTicketSchema>;

export const BuyerMessageSchema = z.object({
  receivedAt: InstantSchema,
  repliedAt: optionalInstant,
});
export type BuyerMessage = z.infer<typeof BuyerMessageSchema>;

export const FilingKindSchema = z.enum([
  'disaster',
  'epidemic',
  'outage',
  'weather',
  'major-event',
  'buyer-address',
  'buyer-asked-delay',
  'other',
]);

/** An approved 报备 (force-majeure filing): waives the listed clocks or moves their deadline. */
export const FilingSchema = z.object({
  kind: FilingKindSchema,
  approvedAt: InstantSchema,
  /** Rule ids the filing covers; empty means every shipping clock of the order. */
  ruleIds: z.array(z.string().max(80)).max(50).default([]),
  newDeadline: optionalInstant,
  waived: z.boolean().default(false),
});
export type Filing = z.infer<typeof FilingSchema>;

export const OrderIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'order id must be letters, digits, - or _');

/** Cases (after-sales, service tickets) one order may hold; background merge keeps within it. */
export const MAX_CASES_PER_ORDER = 200;

export const OrderSchema = z.object({
  platform: PlatformSchema,
  orderId: OrderIdSchema,
  subOrderCount: z.number().int().min(1).max(10_000).default(1),
  /** Amount paid, in yuan. */
  amount: z.number().finite().min(0).max(1e9).optional(),
  status: OrderStatusSchema.optional(),
  /** 全球购 / cross-border order (Douyin's pickup-scan rule does not apply). */
  crossBorder: z.boolean().default(false),
  categories: z.array(CategorySchema).max(20).default([]),
  services: z.array(ServiceSchema).max(20).default([]),
  timeline: TimelineSchema.default({}),
  /** A delivery period agreed with the buyer, in days (replaces e.g. Kuaishou's 7-day pet delivery). */
  agreedDeliveryDays: z.number().int().min(1).max(365).optional(),
  afterSales: z.array(AfterSaleCaseSchema).max(MAX_CASES_PER_ORDER).default([]),
  serviceTickets: z.array(ServiceTicketSchema).max(MAX_CASES_PER_ORDER).default([]),
  buyerMessages: z.array(BuyerMessageSchema).max(500).default([]),
  filings: z.array(FilingSchema).max(50).default([]),
  /** When this reading was taken from the page. */
  readAt: InstantSchema,
  /** Where the data came from: the page's own JSON or its rendered DOM. */
  source: z.enum(['json', 'dom', 'file']).default('dom'),
  /** `cases`: read from an after-sales / service-ticket list, which shows only those cases (merge.ts). */
  scope: z.literal('cases').optional(),
});
export type Order = z.infer<typeof OrderSchema>;
export type OrderInput = z.input<typeof OrderSchema>;
