import { BADGE_TAG, isBadge, isOwnBadge, removeBadge } from '@/components/badge/badge';
import type { RowCandidate, RowCells } from './adapter';
import { labelWords } from './label-index';

/**
 * A row re-rendered as a new element (the page swapped a row's element for a new one in its place)
 * is the same row with the new element, when the new element is built alike — the same tags,
 * classes and roles all through, our badges aside — and prints the same order-id label at the same
 * place: a search finds rows by those alone. So such rows are carried over instead of searching
 * all 1,000 rows of the page again; anything else answers undefined and the page is searched.
 */

/** `el` or the first element sibling after it that is not one of our badges (the old row holds ours, the new one none). */
function ownFrom(el: Element | null): Element | null {
  let c = el;
  while (c && isBadge(c)) c = c.nextElementSibling;
  return c;
}
const firstChild = (el: Element) => ownFrom(el.firstElementChild);
const nextSibling = (el: Element) => ownFrom(el.nextElementSibling);

function sameBuild(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName || a.getAttribute('class') !== b.getAttribute('class') || a.getAttribute('role') !== b.getAttribute('role')) return false;
  let x = firstChild(a);
  let y = firstChild(b);
  for (; x && y; x = nextSibling(x), y = nextSibling(y)) if (!sameBuild(x, y)) return false;
  return !x && !y;
}

/** `el`'s place under `root`: child positions from the root down. */
function placeOf(root: Element, el: Element): number[] | undefined {
  const place: number[] = [];
  for (let n = el; n !== root; ) {
    const parent = n.parentElement;
    if (!parent) return undefined;
    let i = 0;
    for (let c = firstChild(parent); c && c !== n; c = nextSibling(c)) i++;
    place.unshift(i);
    n = parent;
  }
  return place;
}

function at(root: Element, place: readonly number[]): Element | undefined {
  let n: Element | null = root;
  for (const i of place) {
    n = n && firstChild(n);
    for (let k = 0; n && k < i; k++) n = nextSibling(n);
  }
  return n ?? undefined;
}

export interface Carried {
  rows: RowCandidate[];
  /** Each swapped row's old id element → its new one (the label index must agree). */
  ids: Map<Element, Element>;
}

/**
 * The rows with each swapped row element replaced; `rows` in page order, `rowOf` their elements' rows.
 * Undefined unless every swap replaced a row's anchor (its first part) with an element built alike
 * whose id element prints the same labels.
 */
export function carryRows(rows: readonly RowCandidate[], rowOf: ReadonlyMap<Node, number>, swaps: ReadonlyMap<Element, Element>): Carried | undefined {
  const out = rows.slice();
  const ids = new Map<Element, Element>();
  for (const [old, now] of swaps) {
    const i = rowOf.get(old);
    const row = i === undefined ? undefined : rows[i];
    if (!row || row.parts[0] !== old || !now.isConnected) return undefined;
    // Copies of our badges in the new element (a row cloned with them) are the page's, not ours.
    for (const copy of now.querySelectorAll(BADGE_TAG)) if (!isOwnBadge(copy)) removeBadge(copy);
    if (!sameBuild(old, now)) return undefined;
    const moved = (el: Element) => {
      if (!old.contains(el)) return el;
      const place = placeOf(old, el);
      return place && at(now, place);
    };
    const idElement = moved(row.idElement);
    const words = labelWords(row.idElement);
    if (!idElement || !words.length || labelWords(idElement).join() !== words.join()) return undefined;
    const cells = row.cells && movedCells(row.cells, moved);
    if (row.cells && !cells) return undefined;
    out[i!] = { anchor: now, parts: [now, ...row.parts.slice(1)], idElement, layout: row.layout, ...(cells && { cells }) };
    ids.set(row.idElement, idElement);
  }
  return { rows: out, ids };
}

function movedCells(cells: RowCells, moved: (el: Element) => Element | undefined): RowCells | undefined {
  const status = cells.status && moved(cells.status);
  const amount = cells.amount && moved(cells.amount);
  const skip = cells.skip?.map(moved);
  if ((cells.status && !status) || (cells.amount && !amount) || skip?.some((c) => !c)) return undefined;
  return { status, amount, skip: skip as Element[] | undefined };
}

/**
 * The label index now against the one the rows were found with: the same label elements in the
 * same order but for the swapped rows' ids, each replaced by its new one at its place.
 */
export function labelsSwapped(before: readonly Element[], now: readonly Element[], ids: ReadonlyMap<Element, Element>): boolean {
  if (before.length !== now.length) return false;
  let swapped = 0;
  for (let i = 0; i < now.length; i++) {
    if (before[i] === now[i]) continue;
    if (ids.get(before[i]!) !== now[i]) return false;
    swapped++;
  }
  return swapped === ids.size;
}
