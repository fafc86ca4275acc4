import { describe, expect, it } from 'vitest';
import { readOrderFields, type RowText } from '@/utils/page/read-order';
import { NOW } from './helpers';

/** A row's texts as the shared reader gets them (one entry per text node). */
const row = (texts: string[]): RowText => ({ texts, itemCount: 1 });

describe('reading service tags', () => {
  it('reads a tag printed on its own', () => {
    expect(readOrderFields(row(['订单号：2411230001', '极速退款', '运费险']), NOW).services).toEqual(['fast-refund', 'shipping-insurance']);
  });

  it.each([['买家：'], ['买家'], ['昵称'], ['收货人：'], ['买家留言：']])('never reads a buyer text after "%s" as a tag', (label) => {
    const fields = readOrderFields(row(['订单号：2411230001', label, '极速退款', '过敏包退']), NOW);
    expect(fields.services).not.toContain('fast-refund');
    // The next text node is the merchant's own again.
    expect(fields.services).toContain('cosmetics-allergy');
  });
});
