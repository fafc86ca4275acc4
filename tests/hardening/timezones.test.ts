import { describe, expect, it } from 'vitest';
import { chinaDayStart, formatChinaTime, parsePlatformTime } from '@/policies/time';
import { localOffsetMinutes, withZone, ZONES } from './zones';

/** Platform time must mean the same instant whatever zone the merchant's computer is in. */

const NOW = Date.parse('2024-03-18T10:00:00+08:00');
const TEXTS = [
  '2024-03-18 18:00:32',
  '2024-03-18 23:59:59',
  '2024-03-19 00:00:00',
  '2024/03/18 00:00',
  '03-18 18:00',
  '12-31 23:30',
  '剩余1天3小时',
  '23小时59分',
  '2024-02-29 12:00:00',
  '2024-02-30 12:00:00',
  '2024-03-18 99:99',
  '1899-01-01 00:00:00',
  '',
];

function everything() {
  return {
    parsed: TEXTS.map((t) => parsePlatformTime(t, NOW)),
    formatted: [NOW, Date.parse('2024-03-18T23:59:00+08:00'), Date.parse('2024-03-18T16:00:00Z')].map((t) => [
      formatChinaTime(t, 'second'),
      chinaDayStart(t),
    ]),
  };
}

describe('the computer’s time zone never leaks into platform time', () => {
  const reference = withZone('Asia/Shanghai', everything);

  it.each(ZONES)('$zone reads and prints China time like Shanghai does', ({ zone, offsetMinutes }) => {
    withZone(zone, () => {
      expect(localOffsetMinutes()).toBe(offsetMinutes);
      expect(everything()).toEqual(reference);
    });
  });

  it('midnight China time is a different calendar day on either side, in every zone', () => {
    for (const { zone } of ZONES) {
      withZone(zone, () => {
        const before = parsePlatformTime('2024-03-18 23:59:59', NOW);
        const after = parsePlatformTime('2024-03-19 00:00:00', NOW);
        expect(before.ok && after.ok).toBe(true);
        if (!before.ok || !after.ok) return;
        expect(after.at - before.at).toBe(1000);
        expect(chinaDayStart(after.at) - chinaDayStart(before.at)).toBe(24 * 3_600_000);
        expect(chinaDayStart(after.at)).toBe(Date.parse('2024-03-19T00:00:00+08:00'));
      });
    }
  });
});
