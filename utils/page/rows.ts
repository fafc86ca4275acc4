import type { RowCandidate, RowCells } from './adapter';
import { labelElements } from './label-index';
import { normText } from './text';

/**
 * Finds order rows by the one thing every order row prints once: its order-id label. No class
 * names: the row is the largest ancestor of the label that holds no other order's label.
 */

/**
 * Adds the rows the page's structure names (a table's order header rows) whose label could not be
 * read: each becomes a row of its own (read as unreadable), so it never joins its neighbour.
 */
export function withStructuralRows(
  found: { anchor: Element; idElement: Element }[],
  structural: readonly Element[],
): { anchor: Element; idElement: Element }[] {
  const have = new Set(found.map((f) => f.anchor));
  const extra = structural.filter((el) => !have.has(el)).map((el) => ({ anchor: el, idElement: el }));
  if (!extra.length) return found;
  return [...found, ...extra].sort((a, b) => (a.anchor.compareDocumentPosition(b.anchor) & 4 ? -1 : 1));
}

/** Page chrome a row never contains: climbing stops below it (a list of one order). */
const CHROME = '[role=tablist],[role=tab],[class*=pagination],[class*=tabs-nav],thead,h1,h2';

/**
 * Row per label: from the label, climb while the parent still holds only this one label and no
 * page chrome. `rowSelector` ends the climb at a known row element (`tr`, `table`, `li`) when the
 * page's structure names one.
 */
export function rowsByLabel(root: ParentNode, labels: readonly string[], rowSelector?: string): { anchor: Element; idElement: Element }[] {
  const found = labelElements(root, labels);
  const body = found[0]?.ownerDocument.body;
  const rows: { anchor: Element; idElement: Element }[] = [];
  const seen = new Set<Element>();
  found.forEach((idElement, i) => {
    // Labels come in document order of their texts, and an element's texts are one run of that
    // order: it holds another label exactly when it holds one of the two beside this one.
    const prev = found[i - 1];
    const next = found[i + 1];
    const holdsAnother = (el: Element) => (!!prev && el.contains(prev)) || (!!next && el.contains(next));
    // Holding another label is inherited upwards: a named row holding no other is where the climb ends.
    const named = rowSelector ? idElement.closest(rowSelector) : null;
    let anchor = named && named !== root && root.contains(named) && !holdsAnother(named) ? named : idElement;
    while (anchor !== named && !(rowSelector && anchor.matches(rowSelector))) {
      const parent = anchor.parentElement;
      if (!parent || parent === root || parent === body || holdsAnother(parent)) break;
      // Where the page names its row element, the climb ends there anyway; skip the chrome test.
      if (!rowSelector && parent.querySelector(CHROME)) break;
      anchor = parent;
    }
    if (!seen.has(anchor)) {
      seen.add(anchor);
      rows.push({ anchor, idElement });
    }
  });
  return withStructuralRows(rows, unlabeledSiblings(rows));
}

/**
 * Cards (not table rows, whose item rows look alike) beside the found rows, with the same tag and
 * class, that print no readable label: orders whose id is lost, each still a row of its own.
 */
function unlabeledSiblings(rows: readonly { anchor: Element }[]): Element[] {
  const anchors = new Set(rows.map((r) => r.anchor));
  const parents = new Set(rows.filter((r) => r.anchor.tagName !== 'TR').map((r) => r.anchor.parentElement));
  if (!parents.size) return [];
  const kinds = new Set(rows.map((r) => `${r.anchor.tagName}.${r.anchor.getAttribute('class') ?? ''}`));
  return [...parents].flatMap((p) =>
    p ? [...p.children].filter((c) => !anchors.has(c) && kinds.has(`${c.tagName}.${c.getAttribute('class') ?? ''}`)) : [],
  );
}

/** A table's order group: the header row and the following rows up to the next order's header. */
export function rowGroup(header: Element, isHeader: (el: Element) => boolean): Element[] {
  const parts = [header];
  for (let next = header.nextElementSibling; next && !isHeader(next); next = next.nextElementSibling) parts.push(next);
  return parts;
}

/** Column index per key, from the header cells' text (so reordered columns still read). */
export function columnIndex<K extends string>(headerCells: readonly Element[], names: Record<K, readonly string[]>): Partial<Record<K, number>> {
  const texts = headerCells.map((c) => normText(c.textContent ?? ''));
  const out: Partial<Record<K, number>> = {};
  for (const key of Object.keys(names) as K[]) {
    const i = texts.findIndex((t) => names[key].some((n) => t === n || t.startsWith(n)));
    if (i >= 0) out[key] = i;
  }
  return out;
}

/**
 * A table row group's cells at the header's columns: status and amount from its first item row,
 * the buyer's cells from every item row (never read).
 */
export function itemCells(
  items: readonly Element[],
  col: Partial<Record<'status' | 'amount' | 'buyer', number>>,
): RowCells & { skip: Element[] } {
  const first = items[0]?.children;
  const skip: Element[] = [];
  if (col.buyer !== undefined) {
    for (const item of items) {
      const cell = item.children[col.buyer];
      if (cell) skip.push(cell);
    }
  }
  return {
    status: col.status === undefined ? undefined : first?.[col.status],
    amount: col.amount === undefined ? undefined : first?.[col.amount],
    skip,
  };
}

/**
 * A table row group whose cells are picked when first read: most rows a search finds are not read
 * again. (A class, not a property defined per object: 1,000 such rows stay small, fast objects.)
 */
export class TableRow implements RowCandidate {
  private picked?: RowCells;
  constructor(
    readonly anchor: Element,
    readonly parts: Element[],
    readonly idElement: Element,
    readonly layout: string,
    private readonly pick: () => RowCells,
  ) {}

  get cells(): RowCells {
    return (this.picked ??= this.pick());
  }
}
