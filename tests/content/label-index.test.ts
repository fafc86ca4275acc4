// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropLabels, labelElements, refreshLabels } from '@/utils/page/label-index';
import { ORDER_ID_LABELS } from '@/utils/page/vocab';
import { FIXTURE_PAGES } from '../fixtures/pages';
import { NOW, parsePage } from './helpers';
import { changePage, pageChange, type PageChange } from './page-mutations';

/**
 * The label index follows the page's mutations instead of walking the page again. Whatever the
 * page does — re-render, remove, move, duplicate rows, retype a label — the labels it reports are
 * exactly those a fresh walk of the same page finds, in the same order.
 */

type Op = PageChange | { kind: 'settle' | 'settle-sliced' | 'settle-aborted' };

const op: fc.Arbitrary<Op> = fc.oneof(pageChange(), fc.record({ kind: fc.constantFrom('settle', 'settle-sliced', 'settle-aborted') }) as fc.Arbitrary<Op>);

async function apply(body: HTMLElement, o: Op): Promise<void> {
  if (o.kind === 'settle') return void labelElements(body, ORDER_ID_LABELS);
  if (o.kind === 'settle-sliced') return void (await refreshLabels(body, new AbortController().signal));
  if (o.kind === 'settle-aborted') {
    const ctl = new AbortController();
    const done = refreshLabels(body, ctl.signal);
    ctl.abort();
    return void (await done);
  }
  changePage(body, o as PageChange);
}

describe.each(FIXTURE_PAGES)('$platform label index', ({ fixture }) => {
  const { html } = fixture({ now: NOW, rows: 6, pageSize: 100 });

  it('reports what a fresh walk of the page finds after any run of page changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        const doc = parsePage(html);
        const first = labelElements(doc.body, ORDER_ID_LABELS);
        expect(first.length).toBeGreaterThan(0);
        for (const o of ops) await apply(doc.body, o);
        const followed = labelElements(doc.body, ORDER_ID_LABELS);
        // The oracle: another root over the same page, walked from scratch.
        dropLabels(doc.documentElement);
        const fresh = labelElements(doc.documentElement, ORDER_ID_LABELS);
        expect(followed).toEqual(fresh);
        for (const label of ORDER_ID_LABELS) expect(labelElements(doc.body, [label])).toEqual(labelElements(doc.documentElement, [label]));
        dropLabels(doc.body);
        dropLabels(doc.documentElement);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
    );
  });
});
