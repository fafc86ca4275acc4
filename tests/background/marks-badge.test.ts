import { describe, expect, it } from 'vitest';
import { applyMark, isHidden, liveMarks } from '@/utils/background/marks';
import { badgeFor, BADGE_AMBER, BADGE_RED } from '@/utils/background/badge';
import { verdict } from './verdicts';

const NOW = 1_750_000_000_000;

describe('marks', () => {
  it('snooze hides until it ends; ack hides until the clock gets worse', () => {
    const marks = applyMark({}, 'k', 'snooze', undefined, NOW, 3_600_000);
    expect(isHidden({ state: 'critical' }, marks.k, NOW + 3_599_999)).toBe(true);
    expect(isHidden({ state: 'critical' }, marks.k, NOW + 3_600_000)).toBe(false);
    const acked = applyMark({}, 'k', 'ack', { state: 'due-soon' }, NOW, 0);
    expect(isHidden({ state: 'due-soon' }, acked.k, NOW)).toBe(true);
    expect(isHidden({ state: 'critical' }, acked.k, NOW)).toBe(false);
    expect(applyMark(acked, 'k', 'clear', undefined, NOW, 0)).toEqual({});
  });

  it('drops marks of clocks that are gone and snoozes that ended', () => {
    const v = verdict({ orderId: 'A1', state: 'critical' });
    const key = 'douyin:A1:douyin.ship:';
    const marks = {
      [key]: { kind: 'ack' as const, state: 'critical' as const, at: NOW },
      'douyin:GONE:douyin.ship:': { kind: 'ack' as const, state: 'critical' as const, at: NOW },
    };
    expect(Object.keys(liveMarks(marks, [v], NOW))).toEqual([key]);
    const ended = { [key]: { kind: 'snooze' as const, until: NOW, at: NOW - 1 } };
    expect(liveMarks(ended, [v], NOW)).toEqual({});
  });
});

describe('badgeFor', () => {
  it('counts critical + breached in red, else due-soon in amber, else empty', () => {
    const s = (state: 'critical' | 'breached' | 'due-soon' | 'running') => ({ state });
    expect(badgeFor([s('critical'), s('breached'), s('due-soon')])).toEqual({ text: '2', color: BADGE_RED });
    expect(badgeFor([s('due-soon'), s('due-soon'), s('running')])).toEqual({ text: '2', color: BADGE_AMBER });
    expect(badgeFor([s('running')]).text).toBe('');
    expect(badgeFor(Array.from({ length: 1200 }, () => s('breached'))).text).toBe('999+');
  });
});
