// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isOwnBadge } from '@/components/badge/badge';
import { ruleLookup } from '@/components/badge/rules';
import { CATALOG } from '@/policies/catalog';
import { startPage, type PageSession } from '@/utils/page/run';
import { FIXTURE_PAGES } from '../fixtures/pages';
import { fakeBackground } from './fake-background';
import { NOW, adapterFor, parsePage } from './helpers';
import { changePage, pageChange } from './page-mutations';

/**
 * A page session reuses what it read — the rows it found while the page changes only texts inside
 * them, the readings and badges of rows the page did not touch. Whatever the page does in between,
 * the session must end where a fresh session on the same page ends: the same badges in the same
 * places saying the same, and the background holding each order as the page now shows it.
 */

/**
 * What a list's own script does: rewrite texts, re-render elements or whole rows, drop elements, re-key them, copy or
 * take out our badges. (Moving and duplicating arbitrary elements makes pages where two rows print
 * one order with different contents; the label index's own test covers those.)
 */
const SPA_CHANGES = ['retext', 'add-text', 'rerender', 'rerender-row', 'remove', 'attribute', 'badge', 'take-badge'] as const;
/**
 * Texts such a script writes: times and statuses. (An order-id label typed into an element that is
 * not one gives a row two labels — two rows nested in one, read in either order; the label index's
 * test and the hostile-input fuzzing cover those, page-session.test.ts a recycled row's new id.)
 */
const SPA_TEXTS = ['下单时间 2026/11/23 10:00:00', '承诺发货时间 2026/11/24 08:00:00', '待发货', '已发货', '', 'x'];

type Platform = (typeof FIXTURE_PAGES)[number]['platform'];
const formOf = (o: object) => JSON.stringify({ ...o, readAt: 0 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

const sessions: PageSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.stop();
  document.body.innerHTML = '';
});

function startOn(doc: Document, platform: Platform, url: string) {
  const bg = fakeBackground();
  const session = startPage({
    adapter: adapterFor(platform),
    doc,
    location: () => url,
    now: () => NOW,
    send: bg.send,
    rules: ruleLookup(CATALOG),
    tickMs: 1e9,
    watch: { quietMs: 5, maxWaitMs: 20 },
  });
  sessions.push(session);
  return { bg, session };
}

/** The page as text, each of our badges written where it stands as its key ('?' when unreadable) and tone. */
function pageWithBadges(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  if (el.tagName === 'SHOUYUE-BADGE') {
    if (!isOwnBadge(el)) return '';
    const tone = el.shadowRoot!.querySelector('button')!.className;
    return `[${tone === 's-unreadable' ? '?' : el.getAttribute('data-shouyue-key')} ${tone}]`;
  }
  return `<${el.tagName}>${[...el.childNodes].map(pageWithBadges).join('')}</${el.tagName}>`;
}

/** What the background last received of each order. */
function lastReceived(messages: ReturnType<typeof fakeBackground>['messages']): Map<string, Set<string>> {
  const latest = new Map<string, Set<string>>();
  for (const m of messages) {
    if (m.type !== 'page-read') continue;
    // One message's orders are one reading: two rows printing one order are both its latest.
    const inThis = new Map<string, Set<string>>();
    for (const o of m.orders) inThis.set(o.orderId, (inThis.get(o.orderId) ?? new Set()).add(formOf(o)));
    for (const [id, forms] of inThis) latest.set(id, forms);
  }
  return latest;
}

describe.each(FIXTURE_PAGES)('$platform page session under page changes', { timeout: 120_000 }, ({ platform, url, fixture }) => {
  const { html } = fixture({ now: NOW, rows: 6, pageSize: 100 });

  it('ends where a fresh session on the page ends, whatever the page changed between readings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(pageChange(SPA_CHANGES, SPA_TEXTS), fc.boolean()), { maxLength: 8 }), async (steps) => {
        for (const s of sessions.splice(0)) s.stop(); // a failed run's sessions, while fast-check shrinks
        document.body.innerHTML = parsePage(html).body.innerHTML;
        const long = startOn(document, platform, url);
        await long.session.scan();
        for (const [change, readNow] of steps) {
          changePage(document.body, change);
          if (readNow) await long.session.scan();
        }
        await long.session.scan();
        await settle();
        await long.session.scan();

        // The fresh session: a copy of the page as the page made it (without our badges).
        const copy = document.implementation.createHTMLDocument('');
        copy.body.replaceWith(copy.importNode(document.body, true));
        for (const badge of copy.querySelectorAll('shouyue-badge')) badge.remove();
        const fresh = startOn(copy, platform, url);
        await fresh.session.scan();

        expect(pageWithBadges(document.body)).toBe(pageWithBadges(copy.body));
        const received = lastReceived(long.bg.messages);
        for (const [id, forms] of lastReceived(fresh.bg.messages)) {
          // Two rows printing one order differently: the background holds one of them.
          const held = [...(received.get(id) ?? [])];
          expect(held.length > 0 && held.every((f) => forms.has(f)), id).toBe(true);
          if (forms.size === 1) expect(held).toEqual([...forms]);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25) },
    );
  });
});
