// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropLabels, labelElements, refreshLabels } from '@/utils/page/label-index';
import { ORDER_ID_LABELS } from '@/utils/page/vocab';
import { FIXTURE_PAGES } from '../fixtures/pages';
import { NOW, parsePage } from './helpers';

/**
 * The label index follows the page's mutations instead of walking the page again. Whatever the
 * page does — re-render, remove, move, duplicate rows, retype a label — the labels it reports are
 * exactly those a fresh walk of the same page finds, in the same order.
 */

type Change = { kind: 'rerender' | 'remove' | 'duplicate' | 'retext' | 'add-text' | 'move' | 'badge'; a: number; b: number; text: string };
type Op = Change | { kind: 'settle' | 'settle-sliced' | 'settle-aborted' };

const TEXTS = ['订单编号 7000000000000001', '订单号：A1234567', '订单编号', '订单编号 <b>X</b>', '订单编号 --', '下单时间 2026/11/23 10:00:00', '', 'x'];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('rerender', 'remove', 'duplicate', 'retext', 'add-text', 'move', 'badge'),
    a: fc.nat(),
    b: fc.nat(),
    text: fc.constantFrom(...TEXTS),
  }),
  fc.record({ kind: fc.constantFrom('settle', 'settle-sliced', 'settle-aborted') }),
) as fc.Arbitrary<Op>;

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

async function apply(body: HTMLElement, o: Op): Promise<void> {
  if (o.kind === 'settle') return void labelElements(body, ORDER_ID_LABELS);
  if (o.kind === 'settle-sliced') return void (await refreshLabels(body, new AbortController().signal));
  if (o.kind === 'settle-aborted') {
    const ctl = new AbortController();
    const done = refreshLabels(body, ctl.signal);
    ctl.abort();
    return void (await done);
  }
  change(body, o as Change);
}

function change(body: HTMLElement, o: Change): void {
  const elements = [...body.querySelectorAll('*')];
  const el = pick(elements, o.a);
  const other = pick(elements, o.b);
  if (!el) return;
  const texts: Text[] = [];
  const walker = body.ownerDocument.createTreeWalker(el, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  switch (o.kind) {
    case 'rerender': {
      const fresh = el.cloneNode(true) as Element;
      const t = fresh.ownerDocument.createTreeWalker(fresh, 4).nextNode();
      if (t) t.nodeValue = o.text;
      el.replaceWith(fresh);
      break;
    }
    case 'remove':
      el.remove();
      break;
    case 'duplicate':
      el.after(el.cloneNode(true));
      break;
    case 'retext': {
      const t = pick(texts, o.b);
      if (t) t.data = o.text;
      break;
    }
    case 'add-text':
      el.append(o.text);
      break;
    case 'move':
      if (other && !el.contains(other)) other.before(el);
      break;
    case 'badge':
      // The extension's own badge beside a label (ignored by the index, never a label itself).
      el.after(body.ownerDocument.createElement('shouyue-badge'));
      break;
  }
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
