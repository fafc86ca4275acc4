import { describe, expect, it } from 'vitest';
import { recordReading } from '@/utils/background/health';
import { ReadHealthMapSchema } from '@/utils/background/schemas';
import { PageReadMessageSchema } from '@/utils/messages';

describe('data health travels from the page to the stored read health', () => {
  const base = { type: 'page-read', platform: 'pinduoduo', pagePath: '/orders/list', readAt: 1_000, orders: [], unreadable: [] } as const;
  const dataHealth = {
    jsonSeenAt: 900,
    matched: 3,
    domOnly: 1,
    rescued: 0,
    unreadable: 0,
    lastNotData: { at: 950, reason: 'captcha' },
  } as const;

  it('keeps the page-read dataHealth for the popup, and stores it in the validated shape', () => {
    const map = recordReading({}, PageReadMessageSchema.parse({ ...base, dataHealth }), 2_000);
    expect(map.pinduoduo?.data).toEqual(dataHealth);
    expect(ReadHealthMapSchema.parse(map)).toEqual(map);
  });

  it('stores none for a platform without page data (1688)', () => {
    const map = recordReading({}, PageReadMessageSchema.parse({ ...base, platform: 'alibaba1688' }), 2_000);
    expect(map.alibaba1688).toBeDefined();
    expect(map.alibaba1688?.data).toBeUndefined();
  });

  it('rejects a forged dataHealth instead of storing it', () => {
    const forged = { ...base, dataHealth: { ...dataHealth, lastNotData: { at: 1, reason: '<img onerror=x>' } } };
    expect(PageReadMessageSchema.safeParse(forged).success).toBe(false);
  });
});
