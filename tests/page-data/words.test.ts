import { describe, expect, it } from 'vitest';
import { meaningOf, type WordList } from '@/utils/page-data/words';

describe('meaningOf', () => {
  const WORDS: WordList<string> = [
    [/待收货|已发货/, 'shipped'],
    [/收货/, 'received'],
  ];

  it('gives the meaning of the first pattern the text matches, in the list order', () => {
    expect(meaningOf(WORDS, '待收货')).toBe('shipped');
    expect(meaningOf(WORDS, '已收货')).toBe('received');
  });

  it('gives undefined when no pattern matches', () => {
    expect(meaningOf(WORDS, '待付款')).toBeUndefined();
    expect(meaningOf([], '待收货')).toBeUndefined();
  });
});
