// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createBadgeHost } from '@/components/badge/badge';
import type { RowCandidate } from '@/utils/page/adapter';
import { carryRows } from '@/utils/page/carry';

/** A header row: the id printed in the second span of the first cell, a status cell after it. */
const header = (id: string, extra = '') =>
  `<td class="c"><span class="tag">急</span><span class="id">订单编号 ${id}</span>${extra}</td><td class="status"><span>待发货</span></td>`;

function table(...rows: string[]): HTMLTableSectionElement {
  document.body.innerHTML = `<table><tbody>${rows.map((r) => `<tr class="row">${r}</tr>`).join('')}</tbody></table>`;
  return document.querySelector('tbody')!;
}

function candidate(tr: Element): RowCandidate {
  return { anchor: tr, parts: [tr], idElement: tr.querySelector('.id')!, cells: { status: tr.querySelector('.status')! }, layout: 'status' };
}

/** The page swaps row `i` for a new element built from `html`, as a re-render does. */
function swap(body: Element, i: number, html: string): [Element, Element] {
  const old = body.children[i]!;
  const now = document.createElement('tr');
  now.className = 'row';
  now.innerHTML = html;
  old.replaceWith(now);
  return [old, now];
}

describe('carrying re-rendered rows', () => {
  it('carries a row swapped for an element built alike: id element and cells are the new ones at the same places', () => {
    const body = table(header('6900000000000000001'), header('6900000000000000002'));
    const rows = [...body.children].map(candidate);
    // Our badge sits beside the id in the old row only: it is not part of the row's build.
    rows[1]!.idElement.after(createBadgeHost(document));
    const [old, now] = swap(body, 1, header('6900000000000000002'));
    const carried = carryRows(rows, new Map(rows.map((r, i) => [r.anchor, i])), new Map([[old, now]]));
    expect(carried?.rows[0]).toBe(rows[0]);
    expect(carried?.rows[1]).toMatchObject({ anchor: now, parts: [now], idElement: now.querySelector('.id'), cells: { status: now.querySelector('.status') } });
    expect(carried?.ids.get(rows[1]!.idElement)).toBe(now.querySelector('.id'));
  });

  it.each([
    ['an element more', header('6900000000000000002', '<i class="new">!</i>')],
    ['an element less', '<td class="c"><span class="id">订单编号 6900000000000000002</span></td><td class="status"><span>待发货</span></td>'],
    ['another class', header('6900000000000000002').replace('class="status"', 'class="state"')],
    ['another order-id label', header('6900000000000000002').replace('订单编号', '订单号')],
  ])('does not carry a row swapped for an element with %s (the page is searched instead)', (_, html) => {
    const body = table(header('6900000000000000001'), header('6900000000000000002'));
    const rows = [...body.children].map(candidate);
    const [old, now] = swap(body, 1, html);
    expect(carryRows(rows, new Map(rows.map((r, i) => [r.anchor, i])), new Map([[old, now]]))).toBeUndefined();
  });
});
