import { describe, expect, it } from 'vitest';
import { ruleLookup } from '@/components/badge/rules';
import { badgeContent } from '@/components/badge/view';
import { CATALOG } from '@/policies/catalog';
import { checkRecords } from '@/policies/cli/report';
import { evaluate, nextTransitionAt, summarize } from '@/policies/engine';
import { DEFAULT_ENGINE_SETTINGS } from '@/policies/settings';
import { cst, DAY, HOUR, order } from './helpers';

/**
 * A step the order evidently passed (it was received) whose time the page did not print: the
 * headline stays calm, the popover still names the clock, and nothing counts it as at risk.
 */

const T = cst('2024-06-03 10:00');
const NOW = T + 3 * DAY;
const rules = ruleLookup(CATALOG);

/** Received, shipped on time, but the page printed neither the pickup scan nor the first hub. */
const received = order({
  platform: 'douyin',
  orderId: 'R1',
  status: 'received',
  timeline: { paidAt: T, shippedAt: T + 2 * HOUR, receivedAt: T + 2 * DAY },
});
/** Shipped, in transit, with no ship time printed: its pickup clock cannot start. */
const startMissing = order({ platform: 'douyin', orderId: 'S1', status: 'shipped', timeline: { paidAt: T } });

const content = (o: typeof received, lang: 'zh' | 'en') =>
  badgeContent({ kind: 'verdicts', orderId: o.orderId, verdicts: evaluate([o], CATALOG, NOW) }, lang, rules);

describe('a passed step whose time is not shown', () => {
  it('gives the pickup and hub clocks the calm state, naming the unprinted time', () => {
    const byRule = new Map(evaluate([received], CATALOG, NOW).map((v) => [v.ruleId, v]));
    expect(byRule.get('douyin.ship')?.state).toBe('met');
    expect(byRule.get('douyin.pickup')).toMatchObject({ state: 'done-untimed', missing: ['pickupScanAt'] });
    expect(byRule.get('douyin.hub')).toMatchObject({ state: 'done-untimed', missing: ['firstHubAt'] });
    // Its tracking-stall clock ended at receipt; with no tracking line printed it has no start.
    expect(byRule.get('douyin.tracking-update')).toMatchObject({ state: 'done-untimed', missing: ['lastTrackingAt'] });
  });

  it('never makes the badge headline "can\'t read"; the popover lists the clock in calm words', () => {
    const zh = content(received, 'zh');
    expect(zh.tone).not.toBe('unknown');
    expect(zh.text).not.toContain('无法读取');
    const hub = zh.details().rules.find((r) => r.title === rules('douyin.hub', 'zh')!.title)!;
    expect(hub.tag).toBe('已完成（时间未显示）');
    expect(hub.lines[0]).toBe('已到分拨（时间未显示）');
    expect(hub.lines.join('\n')).toContain('无法判断是否按时');
    expect(hub.lines.join('\n')).toContain('firstHubAt');

    const en = content(received, 'en');
    expect(en.details().rules.map((r) => r.lines[0])).toContain('At hub (time not shown)');
    expect(en.details().rules.map((r) => r.lines[0])).toContain('Picked up (time not shown)');
  });

  it('heads the badge calmly when nothing else is open, and ranks below a running clock', () => {
    const calm = content(received, 'zh');
    expect(calm.tone).toBe('done-untimed');
    expect(calm.text).toBe('已揽收（时间未显示）');
    expect(calm.icon).toBe('✓');
    const withCase = order({
      ...received,
      afterSales: [{ id: 'AS1', kind: 'refund-only', requestedAt: NOW - HOUR }],
    });
    const top = content(withCase, 'zh');
    expect(top.tone).toBe('running');
    expect(top.text).toMatch(/^售后 剩/);
  });

  it('is not at risk, unreadable or pending anywhere it is counted', () => {
    const verdicts = evaluate([received], CATALOG, NOW);
    const summary = summarize(verdicts);
    expect(summary.byState.unknown).toBe(0);
    expect(summary.byState['done-untimed']).toBe(3);
    expect(nextTransitionAt(verdicts.filter((v) => v.state === 'done-untimed'), DEFAULT_ENGINE_SETTINGS)).toBeUndefined();
    const report = checkRecords([received], CATALOG, NOW, DEFAULT_ENGINE_SETTINGS);
    expect(report.atRisk).toEqual([]);
  });

  it('a missing start of a clock still running stays unknown and heads the badge', () => {
    const v = evaluate([startMissing], CATALOG, NOW).find((x) => x.ruleId === 'douyin.pickup');
    expect(v).toMatchObject({ state: 'unknown', missing: ['shippedAt'] });
    expect(content(startMissing, 'zh').text).toBe('揽收 无法读取');
    const report = checkRecords([startMissing], CATALOG, NOW, DEFAULT_ENGINE_SETTINGS);
    expect(report.atRisk.map((x) => x.ruleId)).toContain('douyin.pickup');
  });
});
