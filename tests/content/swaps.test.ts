// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { followSwaps, textOnly } from '@/utils/page/swaps';
import { parsePage } from './helpers';

/** The swaps `change` makes in a list of rows A, B, C, as the page's mutation records tell them. */
function swapsOf(change: (rows: Element[], doc: Document) => void) {
  const doc = parsePage('<ul><li>A</li><li>B</li><li>C</li></ul>');
  const observer = new MutationObserver(() => {});
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  const rows = [...doc.querySelectorAll('li')];
  change(rows, doc);
  const follow = followSwaps();
  for (const r of observer.takeRecords()) if (!textOnly(r)) follow.note(r);
  observer.disconnect();
  return { rows, taken: follow.take() };
}

const fresh = (doc: Document, text: string) => Object.assign(doc.createElement('li'), { textContent: text });

describe('followSwaps', () => {
  it('pairs an element with the one put in its place, in one mutation or two', () => {
    const one = swapsOf((rows, doc) => rows[1]!.replaceWith(fresh(doc, 'B2')));
    expect([...one.taken.swaps!].map(([out, into]) => [out, into.textContent])).toEqual([[one.rows[1], 'B2']]);
    const two = swapsOf((rows, doc) => (rows[1]!.before(fresh(doc, 'B2')), rows[1]!.remove()));
    expect([...two.taken.swaps!].map(([out, into]) => [out, into.textContent])).toEqual([[two.rows[1], 'B2']]);
  });

  it('is no swap when an element only went, or a swapped-out one was put back elsewhere (moved)', () => {
    expect(swapsOf((rows) => rows[1]!.remove()).taken.swaps).toBeUndefined();
    expect(swapsOf((rows, doc) => (rows[1]!.replaceWith(fresh(doc, 'B2')), rows[0]!.replaceWith(rows[1]!))).taken.swaps).toBeUndefined();
  });
});
