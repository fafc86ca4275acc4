import type { Category, OrderInput, Service } from '@/policies/order';
import type { Platform } from '@/policies/platforms';

/**
 * A deterministic generator of realistic order mixes for the benchmark and the property tests.
 * Timestamps are placed relative to `now` so that every clock state occurs: comfortably running,
 * due soon, critical, breached, met, met late, missing data, filed.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** mulberry32: small, fast, seedable; good enough to shuffle a benchmark mix. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const chance = (r: Rand, p: number) => r() < p;
const between = (r: Rand, lo: number, hi: number) => Math.round(lo + r() * (hi - lo));
function pick<T>(r: Rand, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of weighted) {
    x -= w;
    if (x < 0) return v;
  }
  return weighted[weighted.length - 1]![0];
}

const PLATFORM_MIX = [
  ['douyin', 40],
  ['kuaishou', 20],
  ['alibaba1688', 20],
  ['tmallGlobal', 20],
] as const satisfies readonly (readonly [Platform, number])[];

const CATEGORY_MIX: Record<(typeof PLATFORM_MIX)[number][0], readonly (readonly [Category, number])[]> = {
  douyin: [['fresh-food', 15], ['food', 15], ['cosmetics', 25], ['baby', 10], ['home', 20], ['other', 15]],
  kuaishou: [['pets-live', 25], ['food', 20], ['cosmetics', 15], ['home', 20], ['other', 20]],
  alibaba1688: [['home', 40], ['food', 15], ['other', 45]],
  tmallGlobal: [['cosmetics', 40], ['baby', 25], ['health', 15], ['food', 10], ['home', 10]],
};

const STATUS_MIX = [
  ['awaiting-shipment', 40],
  ['shipped', 35],
  ['received', 12],
  ['completed', 8],
  ['cancelled', 3],
  ['awaiting-payment', 2],
] as const;

function services(r: Rand, platform: Platform, category: Category): Service[] {
  const out: Service[] = [];
  if (platform === 'douyin') {
    out.push('genuine', 'seven-day-return', 'fast-refund', 'shipping-insurance', 'door-pickup');
    if (chance(r, 0.12)) out.push('same-day-ship');
    else if (chance(r, 0.15)) out.push('ship-24h');
    if (category === 'fresh-food') out.push('fresh-spoilage');
    if (category === 'cosmetics') out.push('cosmetics-allergy');
  } else if (platform === 'tmallGlobal') {
    out.push('genuine');
    if (category === 'cosmetics') out.push('cosmetics-allergy', 'damage-return');
    if (category === 'baby') out.push('diaper-rash', 'damage-return');
    if (category === 'food' || category === 'home') out.push('damage-return');
  } else if (chance(r, 0.3)) {
    out.push('seven-day-return');
  }
  return out;
}

/** One order whose clocks land somewhere in [now − 5 days, now + 3 days]. */
export function generateOrder(r: Rand, index: number, now: number): OrderInput {
  const platform = pick(r, PLATFORM_MIX);
  const category = pick(r, CATEGORY_MIX[platform]);
  const status = pick(r, STATUS_MIX);
  const placedAt = now - between(r, 10 * MIN, 6 * DAY);
  const paidAt = placedAt + between(r, 0, 20 * MIN);
  const timeline: OrderInput['timeline'] = { placedAt };
  if (status !== 'awaiting-payment') timeline.paidAt = paidAt;
  // Platforms that print a promised ship time usually do; some rows lack it.
  if (status !== 'awaiting-payment' && platform !== 'kuaishou' && chance(r, 0.7)) {
    timeline.shipBy = paidAt + (platform === 'alibaba1688' ? 72 : 48) * HOUR;
  }
  const shipped = status === 'shipped' || status === 'received' || status === 'completed';
  if (shipped) {
    const shippedAt = Math.min(now - MIN, paidAt + between(r, 30 * MIN, 60 * HOUR));
    timeline.shippedAt = shippedAt;
    // Pickup scan: usually within hours, sometimes late, sometimes not yet.
    if (chance(r, 0.85)) {
      const pickupScanAt = shippedAt + between(r, 10 * MIN, chance(r, 0.1) ? 40 * HOUR : 20 * HOUR);
      if (pickupScanAt < now) {
        timeline.pickupScanAt = pickupScanAt;
        const hub = pickupScanAt + between(r, 1 * HOUR, chance(r, 0.1) ? 36 * HOUR : 20 * HOUR);
        const hubReached = hub < now && chance(r, 0.9);
        if (hubReached) timeline.firstHubAt = hub;
        const last = Math.min(now - MIN, (hubReached ? hub : pickupScanAt) + between(r, 0, 80 * HOUR));
        timeline.lastTrackingAt = Math.max(last, pickupScanAt);
      }
    }
    if (status !== 'shipped') {
      const base = typeof timeline.lastTrackingAt === 'number' ? timeline.lastTrackingAt : shippedAt;
      timeline.receivedAt = Math.min(now - MIN, base + between(r, 1 * HOUR, 48 * HOUR));
    }
  }

  const order: OrderInput = {
    platform,
    orderId: `${platform.slice(0, 2).toUpperCase()}${String(6_000_000_000 + index)}`,
    subOrderCount: chance(r, 0.2) ? between(r, 2, 6) : 1,
    amount: Math.round(between(r, 500, 300_000)) / 100,
    status,
    crossBorder: platform === 'tmallGlobal' || (platform === 'douyin' && chance(r, 0.05)),
    categories: chance(r, 0.1) ? [category, 'other'] : [category],
    services: services(r, platform, category),
    timeline,
    readAt: now - between(r, 0, 30 * MIN),
    source: chance(r, 0.6) ? 'json' : 'dom',
  };
  if (platform === 'kuaishou' && category === 'pets-live' && chance(r, 0.2)) {
    order.agreedDeliveryDays = between(r, 3, 14);
  }

  // After-sales cases: mostly on shipped or received orders.
  if ((shipped && chance(r, 0.15)) || (status === 'awaiting-shipment' && chance(r, 0.04))) {
    const n = chance(r, 0.85) ? 1 : 2;
    order.afterSales = Array.from({ length: n }, (_, k) => {
      const requestedAt = now - between(r, 5 * MIN, 4 * DAY);
      const handled = chance(r, 0.4);
      return {
        id: `AS${index}-${k}`,
        kind: pick(r, [
          ['refund-only', 35],
          ['return-refund', 35],
          ['exchange', 10],
          ['damage-claim', 8],
          ['allergy-claim', 6],
          ['other', 6],
        ] as const),
        requestedAt,
        ...(handled ? { handledAt: Math.min(now - MIN, requestedAt + between(r, 5 * MIN, 60 * HOUR)) } : {}),
        ...(platform === 'douyin' && chance(r, 0.6) ? { deadline: requestedAt + 48 * HOUR } : {}),
        awaitingMerchant: !handled && chance(r, 0.9),
      };
    });
  }
  if (platform === 'douyin' && chance(r, 0.05)) {
    const openedAt = now - between(r, 10 * MIN, 3 * DAY);
    order.serviceTickets = [
      {
        id: `TK${index}`,
        openedAt,
        ...(chance(r, 0.5) ? { repliedAt: Math.min(now - MIN, openedAt + between(r, MIN, 30 * HOUR)) } : {}),
        ...(chance(r, 0.7) ? { deadline: openedAt + 24 * HOUR } : {}),
      },
    ];
  }
  if (platform === 'alibaba1688' && chance(r, 0.3)) {
    order.buyerMessages = Array.from({ length: between(r, 1, 3) }, () => {
      const receivedAt = now - between(r, 0, 2 * HOUR);
      return chance(r, 0.7)
        ? { receivedAt, repliedAt: Math.min(now, receivedAt + between(r, 10_000, 10 * MIN)) }
        : { receivedAt };
    });
  }
  if (chance(r, 0.03)) {
    const waived = chance(r, 0.5);
    order.filings = [
      {
        kind: pick(r, [['weather', 3], ['epidemic', 1], ['buyer-asked-delay', 3], ['outage', 1]] as const),
        approvedAt: paidAt + between(r, HOUR, 20 * HOUR),
        ruleIds: [],
        waived,
        ...(waived ? {} : { newDeadline: paidAt + 96 * HOUR }),
      },
    ];
  }
  return order;
}

export function generateOrders(count: number, now: number, seed = 1): OrderInput[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => generateOrder(r, i, now));
}
