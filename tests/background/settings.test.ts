import { describe, expect, it } from 'vitest';
import { inQuietHours, quietHoursEnd, QuietHoursSchema } from '@/utils/settings';

/** Local wall-clock instants: quiet hours are the merchant's own time, whatever the zone. */
const at = (h: number, m = 0, day = 18) => new Date(2025, 5, day, h, m).getTime();

describe('quiet hours', () => {
  const overnight = QuietHoursSchema.parse({ enabled: true, startMinute: 22 * 60, endMinute: 8 * 60 });

  it('span midnight on the local clock', () => {
    expect(inQuietHours(overnight, at(23))).toBe(true);
    expect(inQuietHours(overnight, at(7, 59))).toBe(true);
    expect(inQuietHours(overnight, at(8))).toBe(false);
    expect(inQuietHours(overnight, at(21, 59))).toBe(false);
    expect(inQuietHours({ ...overnight, enabled: false }, at(23))).toBe(false);
  });

  it('end at the next local end time', () => {
    expect(quietHoursEnd(overnight, at(23))).toBe(at(8, 0, 19));
    expect(quietHoursEnd(overnight, at(3))).toBe(at(8));
    expect(quietHoursEnd(overnight, at(12))).toBeUndefined();
  });

  it('daytime windows', () => {
    const lunch = QuietHoursSchema.parse({ enabled: true, startMinute: 12 * 60, endMinute: 13 * 60 + 30 });
    expect(inQuietHours(lunch, at(12, 45))).toBe(true);
    expect(inQuietHours(lunch, at(13, 30))).toBe(false);
  });
});
