import fc from 'fast-check';

/**
 * What a page's own script may do to its list between two readings, as data for property tests:
 * re-render an element or a whole row (an element printing one order-id label where its parent
 * prints more, swapped for a copy with its last text rewritten), remove, duplicate or move it,
 * rewrite or add a text, change an attribute rows are keyed by, slip in a bare badge element (a
 * row copied with ours), or take out one of our badges. Indices pick elements modulo the page's
 * current count.
 */
export interface PageChange {
  kind: 'rerender' | 'rerender-row' | 'remove' | 'duplicate' | 'retext' | 'add-text' | 'move' | 'badge' | 'attribute' | 'take-badge';
  a: number;
  b: number;
  text: string;
}

export const PAGE_TEXTS = [
  '订单编号 7000000000000001',
  '订单号：A1234567',
  '订单编号',
  '订单编号 <b>X</b>',
  '订单编号 --',
  '下单时间 2026/11/23 10:00:00',
  '承诺发货时间 2026/11/24 08:00:00',
  '待发货',
  '',
  'x',
];

const KINDS: readonly PageChange['kind'][] = ['rerender', 'rerender-row', 'remove', 'duplicate', 'retext', 'add-text', 'move', 'badge', 'attribute', 'take-badge'];

/** Page changes of the given kinds (all by default), writing the given texts. */
export const pageChange = (kinds: readonly PageChange['kind'][] = KINDS, texts: readonly string[] = PAGE_TEXTS): fc.Arbitrary<PageChange> =>
  fc.record({ kind: fc.constantFrom(...kinds), a: fc.nat(), b: fc.nat(), text: fc.constantFrom(...texts) });

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

export function changePage(body: HTMLElement, o: PageChange): void {
  const doc = body.ownerDocument;
  const elements = [...body.querySelectorAll('*')];
  const el = pick(elements, o.a);
  const other = pick(elements, o.b);
  if (!el) return;
  const texts: Text[] = [];
  const walker = doc.createTreeWalker(el, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  switch (o.kind) {
    case 'rerender': {
      const fresh = el.cloneNode(true) as Element;
      const t = doc.createTreeWalker(fresh, 4).nextNode();
      if (t) t.nodeValue = o.text;
      el.replaceWith(fresh);
      break;
    }
    case 'rerender-row': {
      const labelled = (e: Element) => (e.textContent?.match(/订单(编)?号/g) ?? []).length;
      const row = pick(elements.filter((e) => labelled(e) === 1 && e.parentElement && labelled(e.parentElement) > 1), o.a);
      if (!row) break;
      const fresh = row.cloneNode(true) as Element;
      const t = doc.createTreeWalker(fresh, 4);
      let last: Node | null = null;
      for (let n = t.nextNode(); n; n = t.nextNode()) if (n.nodeValue?.trim() && !/订单(编)?号/.test(n.nodeValue)) last = n;
      if (last) last.nodeValue = o.text;
      row.replaceWith(fresh);
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
      // A bare badge element beside a label (what a page copying a row with our badge leaves).
      el.after(doc.createElement('shouyue-badge'));
      break;
    case 'attribute':
      el.setAttribute(o.b % 2 ? 'data-row-key' : 'value', o.text.replace(/\D/g, '') || o.text);
      break;
    case 'take-badge':
      pick([...body.querySelectorAll('shouyue-badge')], o.b)?.remove();
      break;
  }
}
