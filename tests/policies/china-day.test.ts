import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chinaDayStartFast } from '@/policies/engine/china-day';
import { MAX_INSTANT_MS } from '@/policies/instant';
import { chinaDayStart, DAY_MS, HOUR_MS } from '@/policies/time';

const at = (iso: string) => Date.parse(iso);

describe('chinaDayStartFast', () => {
  it('agrees with the time-zone database around CST midnights every 37 days, 1985–2100', () => {
    // Step across whole CST days at the instants where an off-by-one would show: just before,
    // at and just after midnight, and the hour before it.
    const from = at('1985-01-01T00:00:00+08:00');
    const to = at('2100-12-31T00:00:00+08:00');
    let checked = 0;
    for (let day = from; day <= to; day += 37 * DAY_MS) {
      for (const t of [day - 1, day, day + 1, day - HOUR_MS, day + 12 * HOUR_MS]) {
        expect(chinaDayStartFast(t), new Date(t).toISOString()).toBe(chinaDayStart(t));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('agrees with the time-zone database on random instants, including the DST years before 1992', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: at('2200-01-01T00:00:00Z') }), (t) => {
        expect(chinaDayStartFast(t)).toBe(chinaDayStart(t));
      }),
      { numRuns: 5000, seed: 8 },
    );
  });

  it('keeps the database answer across the 1991 DST end and at the ends of the instant range', () => {
    // 1991-09-15 02:00 CDT (UTC+9) fell back to 01:00 CST.
    for (const iso of ['1991-09-14T15:30:00Z', '1991-09-15T12:00:00Z', '1991-12-31T23:59:59.999Z', '1992-01-01T00:00:00Z']) {
      expect(chinaDayStartFast(at(iso))).toBe(chinaDayStart(at(iso)));
    }
    expect(chinaDayStartFast(0)).toBe(chinaDayStart(0));
    expect(chinaDayStartFast(MAX_INSTANT_MS - DAY_MS)).toBe(chinaDayStart(MAX_INSTANT_MS - DAY_MS));
  });

  it('puts a CST midnight and the millisecond before it on different days', () => {
    const midnight = at('2025-06-18T00:00:00+08:00');
    expect(chinaDayStartFast(midnight)).toBe(midnight);
    expect(chinaDayStartFast(midnight - 1)).toBe(midnight - DAY_MS);
    expect(chinaDayStartFast(midnight + DAY_MS - 1)).toBe(midnight);
  });
});
