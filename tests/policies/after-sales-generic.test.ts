import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import type { Platform } from '@/policies/platforms';
import { cst, HOUR, MIN, order } from './helpers';

/**
 * Every platform's after-sales case counts down to the deadline its page shows, so a case 39
 * minutes from its deadline never hides behind a calm "shipped" badge.
 */
const NOW = cst('2024-06-03 10:00');

function afterSalesVerdicts(platform: Platform, kind: 'refund-only' | 'allergy-claim', deadline?: number) {
  const o = order({
    platform,
    status: 'shipped',
    categories: ['cosmetics'],
    timeline: { paidAt: NOW - 3 * 24 * HOUR, shippedAt: NOW - 2 * 24 * HOUR, pickupScanAt: NOW - 47 * HOUR },
    afterSales: [{ id: 'AS1', kind, requestedAt: NOW - 10 * HOUR, deadline }],
  });
  return evaluate([o], CATALOG, NOW, DEFAULT_ENGINE_SETTINGS).filter((v) => v.clock === 'after-sales' && v.subjectId === 'AS1');
}

describe('after-sales on platforms whose seeds give no general after-sales rule', () => {
  it.each(['tmallGlobal', 'kuaishou', 'alibaba1688', 'pinduoduo', 'xiaohongshu'] as const)(
    '%s: the page deadline 39 minutes away is critical, from the platform',
    (platform) => {
      const [v, ...rest] = afterSalesVerdicts(platform, 'refund-only', NOW + 39 * MIN);
      expect(rest).toEqual([]);
      expect(v).toMatchObject({ state: 'critical', deadline: NOW + 39 * MIN, deadlineSource: 'platform', timeLeftMs: 39 * MIN });
    },
  );

  it('without a page deadline the unverified 48 h window runs from the request', () => {
    const [v] = afterSalesVerdicts('kuaishou', 'refund-only');
    expect(v).toMatchObject({ deadline: NOW - 10 * HOUR + 48 * HOUR, deadlineSource: 'rule', state: 'running' });
  });

  it('Tmall Global allergy claims keep their own 48 h rule and are not counted twice', () => {
    const verdicts = afterSalesVerdicts('tmallGlobal', 'allergy-claim');
    expect(verdicts.map((v) => v.ruleId)).toEqual(['tmall.allergy-return']);
  });
});
