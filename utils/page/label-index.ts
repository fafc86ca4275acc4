import { observePage } from './page-observer';
import { sliceUsed, yieldToPage } from './schedule';
import { followSwaps, textOnly, type Swaps } from './swaps';
import { AFTER_LABEL, normText, startsWithLabel } from './text';
import { ORDER_ID_LABELS } from './vocab';

/**
 * The elements printing an order-id label (`订单编号 …`), kept current from the page's own
 * mutations. Finding them means visiting every text node of the list (tens of thousands on a
 * 1,000-row page), so the page is walked once — in time slices when `refreshLabels` is awaited —
 * and afterwards only what the page changed is walked again: re-badging 50 re-rendered rows costs
 * 50 rows, not 1,000.
 */

interface LabelIndex {
  /** Hands the page's pending changes to `note` (and the session's other watchers) now. */
  flush: () => void;
  stop: AbortController;
  /** Nodes added, and elements whose own text changed, since the last refresh. */
  added: Set<Node>;
  recheck: Set<Element>;
  /** An element left the tree since the last refresh: a label element may have gone with it. */
  removed: boolean;
  /** Elements the page put in place of others (a re-rendered row), followed since the last refresh. */
  swaps: ReturnType<typeof followSwaps>;
  /** Too much changed to track piece by piece: walk the page afresh. */
  stale: boolean;
  /** Label elements in the order of their label texts; undefined until walked. */
  entries: Element[] | undefined;
  labels: Map<Element, Label>;
  /** Counts every change of `entries`: equal versions, the same label elements in the same order. */
  version: number;
}

/** The labels an element's own text starts with, and its first such text (its place in the page). */
interface Label {
  labels: readonly string[];
  at: Text;
}

const indexes = new WeakMap<Node, LabelIndex>();

/** Above this many changed nodes a fresh walk is as cheap as the bookkeeping. */
const FULL_WALK_OVER = 2000;
const SKIP_PARENT = new Set(['SCRIPT', 'STYLE']);
const DASHES = /^[-—–]*$/;
const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_-]{3,63}$/;

/**
 * The rest of a label's text: empty (the value is in the next node), a "not set" dash, or shaped
 * like an order id. A label followed by anything else (`订单编号 <b>X</b>` typed into a nickname)
 * is buyer text, not a row boundary.
 */
function idLike(rest: string): boolean {
  const value = rest.replace(AFTER_LABEL, '');
  return DASHES.test(value) || ID_SHAPE.test(value);
}

const NO_LABELS: readonly string[] = [];
/** Any order-id label anywhere in a text (the labels are plain words). */
const HAS_LABEL = new RegExp(ORDER_ID_LABELS.join('|'));
/** Texts shorter than the shortest label hold none, whatever they say. */
const SHORTEST_LABEL = Math.min(...ORDER_ID_LABELS.map((l) => l.length));

/** The order-id labels a text starts with (as a label followed by an id); none for other text. */
function labelsOfText(raw: string): readonly string[] {
  // Cheap test first, allocating nothing (a callback would be a closure per text node): almost no
  // text node of the page holds a label.
  if (!HAS_LABEL.test(raw)) return NO_LABELS;
  const text = normText(raw);
  return ORDER_ID_LABELS.filter((l) => startsWithLabel(text, l) && idLike(text.slice(l.length)));
}

/** The labels an element's own text nodes start with; undefined when none does. */
function ownLabels(el: Element): Label | undefined {
  if (SKIP_PARENT.has(el.tagName)) return undefined;
  const labels = new Set<string>();
  let at: Text | undefined;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 3) continue;
    const own = labelsOfText(n.nodeValue ?? '');
    if (own.length) at ??= n as Text;
    for (const l of own) labels.add(l);
  }
  return at && { labels: [...labels], at };
}

function indexOf(root: Node): LabelIndex {
  let index = indexes.get(root);
  if (index) return index;
  const stop = new AbortController();
  const created: LabelIndex = {
    flush: () => {},
    stop,
    added: new Set(),
    recheck: new Set(),
    removed: false,
    swaps: followSwaps(),
    stale: true,
    entries: undefined,
    labels: new Map(),
    version: 0,
  };
  // The body's index follows the document's changes with the page session's own watchers (one
  // observer for all); what happens outside the body is left out where the changes are walked.
  const doc = root.ownerDocument;
  const target = doc && root === doc.body ? doc : root;
  created.flush = observePage(target, (records) => note(created, records), stop.signal).flush;
  indexes.set(root, created);
  index = created;
  return index;
}

function note(index: LabelIndex, records: readonly MutationRecord[]): void {
  if (index.stale) return; // the next walk sees everything anyway
  for (const r of records) {
    if (r.type === 'characterData') {
      if (r.target.parentElement) index.recheck.add(r.target.parentElement);
      continue;
    }
    if (r.type !== 'childList') continue;
    if (!textOnly(r)) index.swaps.note(r);
    // A text child added or removed changes its parent's own text; added elements are walked. (Rows
    // added to or taken from a table leave the table's own text alone: its 1,000 children go unread.)
    let ownText = false;
    for (const n of r.addedNodes) {
      if (n.nodeType === 1) index.added.add(n);
      else if (n.nodeType === 3) ownText = true;
    }
    for (const n of r.removedNodes) {
      if (n.nodeType === 1) index.removed = true;
      else if (n.nodeType === 3) ownText = true;
    }
    if (ownText && r.target.nodeType === 1) index.recheck.add(r.target as Element);
  }
  if (index.added.size + index.recheck.size > FULL_WALK_OVER) {
    index.stale = true;
    forgetChanges(index);
  }
}

/** Clears the changes noted since the last refresh; the swaps among them are returned. */
function forgetChanges(index: LabelIndex): Swaps['swaps'] {
  index.added.clear();
  index.recheck.clear();
  index.removed = false;
  return index.swaps.take().swaps;
}

/** Text nodes between two chances to pause: about one row of 抖店's list (256, ten rows, overran slices by milliseconds). */
const PAUSE_EVERY = 32;

/** Walks `from`'s subtree for label elements; yields every few text nodes so a caller can pause. */
function* walk(from: Node, found: Map<Element, Label>): Generator<void> {
  const doc = from.ownerDocument ?? (from as Document);
  const walker = doc.createTreeWalker(from, 4 /* NodeFilter.SHOW_TEXT */);
  let steps = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (++steps % PAUSE_EVERY === 0) yield;
    // The text first: asking every text node for its parent wraps every element of the page for
    // this script, which the garbage collector then pays for in one pause. A short one's length
    // says enough, without its text made a string for this script.
    if ((n as Text).length < SHORTEST_LABEL || !labelsOfText(n.nodeValue ?? '').length) continue;
    const parent = n.parentElement;
    if (!parent || found.has(parent)) continue;
    const label = ownLabels(parent);
    if (label) found.set(parent, label);
  }
}

/** More new labels than this: a fresh walk orders them faster than placing each. */
const PLACE_AT_MOST = 64;

/**
 * Places `fresh` labels among `kept` ones (both in document order of their label texts): from each
 * new label the page is walked forward to the next label of either kind — a row's worth of text,
 * where comparing document positions costs a walk over every sibling row of a 1,000-row table.
 */
function placeInOrder(root: Node, kept: readonly Element[], fresh: readonly Element[], labels: Map<Element, Label>): Element[] {
  if (!fresh.length) return kept.slice();
  const keptAt = new Map<Node, number>(kept.map((el, i) => [labels.get(el)!.at, i]));
  const freshAt = new Map<Node, Element>(fresh.map((el) => [labels.get(el)!.at, el]));
  const doc = root.ownerDocument ?? (root as Document);
  // A new label right before a kept one (kept.length: at the end) ends a run; `before` links a run backwards.
  const lastBefore = new Map<number, Element>();
  const before = new Map<Element, Element>();
  for (const el of fresh) {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    walker.currentNode = labels.get(el)!.at;
    let next: number | Element = kept.length;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = keptAt.get(n);
      const f = freshAt.get(n);
      if (i !== undefined || f !== undefined) {
        next = i ?? f!;
        break;
      }
    }
    if (typeof next === 'number') lastBefore.set(next, el);
    else before.set(next, el);
  }
  const out: Element[] = [];
  const runBefore = (slot: number) => {
    const run: Element[] = [];
    for (let el = lastBefore.get(slot); el; el = before.get(el)) run.push(el);
    for (let i = run.length - 1; i >= 0; i--) out.push(run[i]!);
  };
  kept.forEach((el, i) => {
    runBefore(i);
    out.push(el);
  });
  runBefore(kept.length);
  return out;
}

/**
 * On the page for `root`'s index: under the body that is `isConnected`, one flag, where
 * `contains()` climbs every ancestor.
 */
const onPageFor = (root: Node) => (root === root.ownerDocument?.body ? (el: Element) => el.isConnected : (el: Element) => root.contains(el));

/**
 * When the page only put new elements in place of old ones (a re-rendered row), each new element's
 * labels take the places of the old one's: no walk from each label to the next and no look at the
 * other 1,000 labels' rows. The old ones are the labels that left the page, each found by the
 * swapped-out element it climbs to (the old rows' other elements are never wrapped for this
 * script). False, changing nothing, unless every label that left went with a swap and every swap
 * traded labels one for one.
 */
function* swapLabels(index: LabelIndex, root: Node, swaps: ReadonlyMap<Element, Element>): Generator<void, boolean> {
  const entries = index.entries!;
  const onPage = onPageFor(root);
  // Each swapped-out element's labels by their places in the index (in order there, as in the page).
  const placesIn = new Map<Element, number[]>();
  for (let at = 0; at < entries.length; at++) {
    const el = entries[at]!;
    if (onPage(el)) continue;
    let out: Element | null = el;
    while (out && !swaps.has(out)) out = out.parentElement;
    if (!out) return false;
    const places = placesIn.get(out);
    if (places) places.push(at);
    else placesIn.set(out, [at]);
  }
  const next = entries.slice();
  const found = new Map<Element, Label>();
  for (const [out, into] of swaps) {
    if (out.isConnected || !root.contains(into)) return false;
    const places = placesIn.get(out) ?? [];
    const fresh = new Map<Element, Label>();
    yield* walk(into, fresh);
    if (fresh.size !== places.length) return false;
    let i = 0;
    for (const [el, label] of fresh) {
      // A label element the index already holds elsewhere was moved, not re-rendered.
      if (index.labels.has(el)) return false;
      next[places[i++]!] = el;
      found.set(el, label);
    }
  }
  for (const places of placesIn.values()) for (const at of places) index.labels.delete(entries[at]!);
  for (const [el, label] of found) index.labels.set(el, label);
  index.entries = next;
  if (found.size || placesIn.size) index.version++;
  return true;
}

/** Brings the index up to date: a full walk when it has none (or lost track), else the changes only. */
function* refresh(index: LabelIndex, root: Node): Generator<void> {
  index.flush();
  if (index.stale || !index.entries) {
    index.stale = false;
    forgetChanges(index);
    const found = new Map<Element, Label>();
    yield* walk(root, found);
    // What the page changed meanwhile is pending in added/recheck: settled below or next time.
    index.entries = [...found.keys()];
    index.labels = found;
    index.version++;
    index.flush();
  }
  if (!index.added.size && !index.recheck.size && !index.removed) return;
  const added = [...index.added];
  const recheck = [...index.recheck];
  const removed = index.removed;
  const swaps = forgetChanges(index);
  // Only swaps (no other element came or went, no text changed): each new element takes the old one's labels' places.
  if (swaps && !recheck.length && swaps.size === added.length && (yield* swapLabels(index, root, swaps))) return;

  const found = new Map<Element, Label>();
  for (const node of added) if (root.contains(node)) yield* walk(node, found);
  for (const el of recheck) {
    if (found.has(el) || !root.contains(el)) continue;
    const label = ownLabels(el);
    if (label) found.set(el, label);
    else index.labels.delete(el);
  }
  if (found.size > PLACE_AT_MOST) {
    index.stale = true;
    yield* refresh(index, root);
    return;
  }
  // Kept in place: still on the page and still a label. Found ones (new, moved, re-rendered) are re-placed.
  // Only a removed element can take labels off the page: without one (texts changed), none is asked.
  const inRoot = removed ? onPageFor(root) : () => true;
  const kept = (index.entries ?? []).filter((el) => !found.has(el) && index.labels.has(el) && inRoot(el));
  for (const [el, label] of found) index.labels.set(el, label);
  if (found.size || kept.length !== index.entries?.length) index.version++;
  index.entries = placeInOrder(root, kept, [...found.keys()], index.labels);
  if (index.labels.size > index.entries.length) {
    const live = new Set(index.entries);
    for (const el of index.labels.keys()) if (!live.has(el)) index.labels.delete(el);
  }
}

/**
 * Brings the index of `root` up to date in time slices, giving the page a turn between them.
 * False when `signal` aborted midway (a later refresh starts over consistently).
 */
export async function refreshLabels(root: Node, signal: AbortSignal): Promise<boolean> {
  const index = indexOf(root);
  for (const _ of refresh(index, root)) {
    if (!sliceUsed()) continue;
    await yieldToPage();
    if (signal.aborted) {
      index.stale = true;
      return false;
    }
  }
  return true;
}

/** Elements whose own text starts with one of `labels` (followed by an id), in document order. */
export function labelElements(root: ParentNode, labels: readonly string[]): Element[] {
  const index = indexOf(root as Node);
  // Whatever changed since the last (sliced) refresh is settled now, synchronously.
  for (const _ of refresh(index, root as Node));
  return (index.entries ?? []).filter((el) => index.labels.get(el)?.labels.some((l) => labels.includes(l)));
}

/** The label elements under `root` in document order as of the last refresh (a snapshot: never changed later). */
export const labelEntries = (root: Node): readonly Element[] => indexOf(root).entries ?? [];

/** The order-id labels an element's own text starts with (its text now, on the page or not). */
export const labelWords = (el: Element): readonly string[] => ownLabels(el)?.labels ?? [];

/** Changes whenever the label elements under `root` (or their order) change; read after a refresh. */
export const labelsVersion = (root: Node): number => indexOf(root).version;

/** Forgets the index of `root` and stops watching it (a page session ending). */
export function dropLabels(root: Node): void {
  indexes.get(root)?.stop.abort();
  indexes.delete(root);
}
