// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropLabels, labelElements, labelsVersion, refreshLabels } from '@/utils/page/label-index';
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

describe('label index, rows re-rendered as new elements', () => {
  const rows = (ids: readonly number[]) => `<table><tbody>${ids.map((id) => `<tr><td><span>订单号 ${id}</span><span>待发货</span></td></tr>`).join('')}</tbody></table>`;
  const swaps: [string, (old: Element, fresh: Element) => void][] = [
    ['replaceWith (one mutation)', (old, fresh) => old.replaceWith(fresh)],
    ['insert then remove (two mutations, as React does)', (old, fresh) => (old.parentNode!.insertBefore(fresh, old), old.remove())],
  ];

  it.each(swaps)("gives each new row's label the old one's place: %s", (_, swap) => {
    const doc = parsePage(rows([100001, 100002, 100003, 100004, 100005]));
    const before = labelElements(doc.body, ORDER_ID_LABELS);
    const version = labelsVersion(doc.body);
    const trs = [...doc.querySelectorAll('tr')];
    for (const i of [3, 1]) {
      const fresh = trs[i]!.cloneNode(true) as Element;
      fresh.querySelector('span')!.textContent = `订单号 ${200000 + i}`;
      swap(trs[i]!, fresh);
    }
    const after = labelElements(doc.body, ORDER_ID_LABELS);
    expect(after.map((el) => el.textContent)).toEqual(['订单号 100001', '订单号 200001', '订单号 100003', '订单号 200003', '订单号 100005']);
    expect(after.filter((el, i) => el === before[i])).toHaveLength(3);
    expect(labelsVersion(doc.body)).not.toBe(version);
    dropLabels(doc.body);
  });

  it.each(swaps)("keeps the order of a new row's several labels: %s", (_, swap) => {
    const doc = parsePage(
      `<table><tbody>${[1, 2, 3].map((n) => `<tr><td><span>订单号 10000${n}</span><b>主订单号 90000${n}</b></td></tr>`).join('')}</tbody></table>`,
    );
    labelElements(doc.body, ORDER_ID_LABELS);
    const [, old] = doc.querySelectorAll('tr');
    const fresh = old!.cloneNode(true) as Element;
    fresh.querySelector('span')!.textContent = '订单号 200002';
    swap(old!, fresh);
    const texts = labelElements(doc.body, ORDER_ID_LABELS).map((el) => el.textContent);
    expect(texts).toEqual(['订单号 100001', '主订单号 900001', '订单号 200002', '主订单号 900002', '订单号 100003', '主订单号 900003']);
    dropLabels(doc.body);
  });

  it('walks the changes when a new row prints more labels than the old one', () => {
    const doc = parsePage(rows([100001, 100002, 100003]));
    labelElements(doc.body, ORDER_ID_LABELS);
    const old = doc.querySelectorAll('tr')[1]!;
    const fresh = old.cloneNode(true) as Element;
    fresh.querySelector('td')!.insertAdjacentHTML('beforeend', '<span>主订单号 900001</span>');
    old.replaceWith(fresh);
    expect(labelElements(doc.body, ORDER_ID_LABELS).map((el) => el.textContent)).toEqual(['订单号 100001', '订单号 100002', '主订单号 900001', '订单号 100003']);
    dropLabels(doc.body);
  });
});

describe('label index, a label printed as a text of its own', () => {
  it.each(ORDER_ID_LABELS)('finds %s alone in its element, its id in the next; short texts and split words are no labels', (label) => {
    const doc = parsePage(`<div><span>${label}</span><span>6900000000000000001</span></div><div><span>号</span><span>订单</span><span>号</span></div>`);
    expect(labelElements(doc.body, ORDER_ID_LABELS).map((el) => el.textContent)).toEqual([label]);
    dropLabels(doc.body);
  });
});
