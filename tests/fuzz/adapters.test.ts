// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '@/policies/catalog';
import { evaluate } from '@/policies/engine';
import type { Order } from '@/policies/order';
import { checkOrders } from '@/utils/background/validate';
import { readRow } from '@/utils/page/adapter';
import { FIXTURE_PAGES } from '../fixtures/pages';
import { adapterFor, NOW, parsePage } from '../content/helpers';
import { applyMutation, mutationArb } from './mutations';

/**
 * Every adapter over its fixture page with rows damaged at random (see mutations.ts).
 * - no exception escapes;
 * - a row left intact reads exactly as on the clean page, so its countdowns are identical;
 * - a damaged row is either unreadable or reads only timestamps the clean page printed for it:
 *   never an invented order, never a different instant (a wrong countdown);
 * - hostile text never becomes markup: no element appears that the page did not have.
 * `npm run fuzz` runs many more cases (FUZZ_RUNS).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** The test command replays a fixed seed (no flaky CI); `npm run fuzz` explores new ones. */
const SEED = process.env.FUZZ_RUNS ? undefined : 20241118;
/** Markup that would run code if hostile text were ever parsed as HTML. */
const ACTIVE = 'script, img, svg, iframe, [onerror], [onload]';
const ROWS = 12;

const countdowns = (orders: Order[]) =>
  evaluate(orders, CATALOG, NOW).map((v) => `${v.orderId} ${v.ruleId} ${v.state} ${v.deadline} ${v.timeLeftMs}`);

describe.each(FIXTURE_PAGES)('$platform adapter under damaged rows', ({ platform, fixture }) => {
  const adapter = adapterFor(platform);
  const { html } = fixture({ now: NOW, rows: ROWS, pageSize: 100 });
  const read = (root: ParentNode) =>
    adapter.findRows(root, 'order-list').map((row, index) => readRow(adapter, row, { kind: 'order-list', now: NOW, index }));

  // One parsed page, cloned per case (parsing a page per case exhausts happy-dom's heap on long runs).
  const page = parsePage(html).body;
  const clean = read(page);
  const cleanById = new Map(clean.flatMap((r) => (r.ok ? [[r.orderId, r.order] as const] : [])));

  it('reads every row of the clean page (the baseline)', () => {
    expect(clean.length).toBeGreaterThanOrEqual(ROWS);
    expect(clean.every((r) => r.ok)).toBe(true);
  });

  it('survives damaged rows: intact rows unchanged, damaged rows unreadable or true to the page', () => {
    fc.assert(
      fc.property(fc.array(mutationArb(clean.length), { minLength: 1, maxLength: 4 }), (mutations) => {
        const doc = page.cloneNode(true) as HTMLElement;
        const rows = adapter.findRows(doc, 'order-list');
        const touched = new Set<string>();
        const tagsBefore = doc.querySelectorAll('*').length;
        const activeBefore = doc.querySelectorAll(ACTIVE).length;
        let added = 0;
        for (const m of mutations) {
          const row = rows[m.row];
          if (!row) continue;
          const before = row.parts.reduce((n, p) => n + p.querySelectorAll('*').length + 1, 0);
          if (!applyMutation(m, row.parts)) continue;
          const after = row.parts.reduce((n, p) => n + p.querySelectorAll('*').length + 1, 0);
          if (m.op === 'duplicate') added += Math.max(0, after - before);
          const id = clean[m.row]!.ok ? (clean[m.row] as { orderId: string }).orderId : '';
          touched.add(id);
        }

        const readings = read(doc); // must not throw
        // No row vanishes into a neighbour: every order group is still a row of its own.
        expect(readings.length).toBeGreaterThanOrEqual(clean.length);

        // Hostile text stays text: no element appears beyond the ones a duplication copied.
        expect(doc.querySelectorAll('*').length).toBeLessThanOrEqual(tagsBefore + added);
        expect(doc.querySelectorAll(ACTIVE).length).toBeLessThanOrEqual(activeBefore + added);

        const intact = [...cleanById.keys()].filter((id) => !touched.has(id));
        const okById = new Map<string, Order[]>();
        for (const r of readings) if (r.ok) okById.set(r.orderId, [...(okById.get(r.orderId) ?? []), r.order]);

        for (const id of intact) {
          expect(okById.get(id), `intact row ${id}`).toEqual([cleanById.get(id)]);
        }
        // What the background will be sent of an intact row, it takes (it checks each order: checkOrders).
        expect(checkOrders(intact.map((id) => okById.get(id)![0]!), platform).orders).toHaveLength(intact.length);
        expect(countdowns(intact.map((id) => okById.get(id)![0]!))).toEqual(countdowns(intact.map((id) => cleanById.get(id)!)));

        for (const r of readings) {
          if (!r.ok) continue;
          const truth = cleanById.get(r.orderId);
          expect(truth, `order ${r.orderId} was invented from damaged text`).toBeDefined();
          if (!truth || !touched.has(r.orderId)) continue;
          for (const [field, at] of Object.entries(r.order.timeline)) {
            if (at !== undefined) expect(at, `${r.orderId} ${field}`).toBe(truth.timeline[field as keyof Order['timeline']]);
          }
        }
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  }, 120_000);
});
