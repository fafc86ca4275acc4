import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RowCandidate, RowReading } from '@/utils/page/adapter';
import { countKeys, recount, shownOnlyAt } from '@/utils/page/badge-keys';

const row = {} as RowCandidate;
/** A reading by its badge key: `#n` an unreadable row, anything else an order id. */
const reading = (key: string): RowReading =>
  key.startsWith('#') ? { ok: false, rowKey: key, row, problem: { code: 'bad-time' } } : ({ ok: true, orderId: key, row } as RowReading);
const readings = (keys: readonly string[]) => keys.map(reading);
const KEYS = ['A', 'B', 'C', '#1', '#2'];

describe('badge keys', () => {
  it('counts the rows showing each key, order ids and unreadable rows alike', () => {
    expect(countKeys(readings(['A', 'B', 'A', '#3']))).toEqual(new Map([['A', 2], ['B', 1], ['#3', 1]]));
  });

  it('recounts rows read again to what counting them all gives, whatever they changed to', () => {
    const list = fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(list, fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.constantFrom(...KEYS), { minLength: 6, maxLength: 6 }), (keys, picks, into) => {
        const at = [...new Set(picks.map((p) => p % keys.length))];
        const after = keys.slice();
        at.forEach((i, n) => (after[i] = into[n]!));
        const counts = countKeys(readings(keys));
        recount(counts, at, readings(keys), readings(after));
        expect(counts).toEqual(countKeys(readings(after)));
      }),
    );
  });

  it('tells whether every row showing a key is among the rows read again', () => {
    const now = readings(['A', 'B', 'A', 'C']);
    const counts = countKeys(now);
    expect(shownOnlyAt(['B'], counts, [1], now)).toBe(true);
    expect(shownOnlyAt(['A'], counts, [0], now)).toBe(false);
    expect(shownOnlyAt(['A', 'B'], counts, [0, 1, 2], now)).toBe(true);
    // A key no row shows any more (its row now shows another order) needs no visit.
    expect(shownOnlyAt(['Z'], counts, [], now)).toBe(true);
    expect(shownOnlyAt([], counts, [], now)).toBe(true);
  });
});
