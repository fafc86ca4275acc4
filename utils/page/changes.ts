import { observePage } from './page-observer';

/**
 * What the page changed between two readings, from its mutation records: a row none of whose
 * elements was touched reads as it did last time, so a 1,000-row list re-rendering 50 rows costs
 * 50 readings. (Comparing every row's text instead costs the whole list each time.)
 */
export interface PageChanges {
  /** True when `el` or anything inside it changed since the previous `take`. */
  touched(el: Element): boolean;
  /** What `index` gives the touched nodes (each row's elements → its row: the rows touched). */
  touchedIn<T>(index: ReadonlyMap<Node, T>): Set<T>;
  /**
   * True when every change was a text change inside the elements `isPart` names: no element added,
   * removed or re-attributed anywhere. Then the rows they make up, their cells and labels aside
   * (the label index tells those), are the rows a fresh search of the page would find.
   */
  onlyTextWithin(isPart: (node: Node) => boolean): boolean;
  /**
   * The elements the page swapped one for one (replaceWith, replaceChild: a row re-rendered), each
   * with its replacement, when every other change was a text change inside the elements `isPart`
   * names or the swapped-in ones; undefined when the page changed elements any other way.
   */
  swapsWithin(isPart: (node: Node) => boolean): ReadonlyMap<Element, Element> | undefined;
}

const noElement = (nodes: NodeList) => {
  for (const n of nodes) if (n.nodeType === 1) return false;
  return true;
};

/** A change of text only: a Text node's data, or text nodes added or removed. */
const textOnly = (r: MutationRecord) => r.type === 'characterData' || (r.type === 'childList' && noElement(r.addedNodes) && noElement(r.removedNodes));

/** The one element a record took out, and the one it put in (either may be missing). */
function swapPart(r: MutationRecord): { out?: Element; into?: Element } | undefined {
  if (r.type !== 'childList' || r.removedNodes.length > 1 || r.addedNodes.length > 1) return undefined;
  const out = r.removedNodes[0];
  const into = r.addedNodes[0];
  if ((out && out.nodeType !== 1) || (into && into.nodeType !== 1)) return undefined;
  return { out: out as Element | undefined, into: into as Element | undefined };
}

/**
 * A removal and an insertion, in either order, that together put one element in another's place
 * (`insertBefore(new, old)` then `removeChild(old)`, or a removal then an insertion between the
 * same neighbours): the new element sits between the removed one's neighbours.
 */
function halvesOfSwap(first: MutationRecord, second: MutationRecord): [Element, Element] | undefined {
  if (first.target !== second.target) return undefined;
  const [removal, insertion] = first.removedNodes.length ? [first, second] : [second, first];
  const out = removal.removedNodes[0] as Element | undefined;
  const into = insertion.addedNodes[0] as Element | undefined;
  if (!out || !into || removal.addedNodes.length || insertion.removedNodes.length) return undefined;
  const { previousSibling: before, nextSibling: after } = removal;
  const inPlace = (before === into || into.previousSibling === before) && (after === into || into.nextSibling === after);
  return inPlace ? [out, into] : undefined;
}

/** Records the page's changes under `root` until `signal` aborts; `take` returns and resets them. */
export function trackChanges(root: Node, signal: AbortSignal): { take(): PageChanges } {
  let changed = new Set<Node>();
  /** The elements whose own text changed. */
  let texts = new Set<Node>();
  /** Elements swapped for others; undefined once an element changed any other way. */
  let swaps: Map<Element, Element> | undefined = new Map();
  let swappedIn = new Set<Element>();
  /** Half of a swap done in two steps, waiting for its other half. */
  let half: MutationRecord | undefined;
  const swapped = (out: Element, into: Element) => {
    // A swap of a swapped-in element, or of one already swapped out, is more than a swap.
    if (!swaps || swaps.has(out) || swappedIn.has(out)) swaps = undefined;
    else {
      swaps.set(out, into);
      swappedIn.add(into);
    }
  };
  const note = (records: readonly MutationRecord[]) => {
    for (const r of records) {
      changed.add(r.target);
      if (textOnly(r)) {
        texts.add(r.type === 'characterData' ? (r.target.parentNode ?? r.target) : r.target);
        continue;
      }
      const part = swaps && swapPart(r);
      if (part?.out && part.into) swapped(part.out, part.into);
      else if (part && !half) half = r;
      else {
        const pair = part && half && halvesOfSwap(half, r);
        half = undefined;
        if (pair) swapped(...pair);
        else swaps = undefined;
      }
    }
  };
  // The same changes a re-read is triggered by (watch.ts), our badges' moves left out.
  const { flush } = observePage(root, note, signal);
  return {
    take() {
      flush();
      const nodes = changed;
      const textParents = texts;
      // A removal or insertion without its other half is no swap.
      const swapsNow = half ? undefined : swaps;
      const swappedInNow = swappedIn;
      half = undefined;
      changed = new Set();
      texts = new Set();
      swaps = new Map();
      swappedIn = new Set();
      // Every element holding a changed node has changed; marking ancestors once makes each question one lookup.
      const touched = new Set<Node>();
      for (const node of nodes) {
        for (let n: Node | null = node; n && !touched.has(n); n = n.parentNode) touched.add(n);
      }
      /** Every text change is inside a part. */
      const textsWithin = (isPart: (node: Node) => boolean) => {
        const inside = new Set<Node>();
        for (const start of textParents) {
          const path: Node[] = [];
          let n: Node | null = start;
          while (n && !inside.has(n) && !isPart(n)) {
            path.push(n);
            n = n.parentNode;
          }
          if (!n) return false;
          for (const p of path) inside.add(p);
        }
        return true;
      };
      return {
        touched: (el) => touched.has(el),
        touchedIn: <T>(index: ReadonlyMap<Node, T>) => {
          const out = new Set<T>();
          for (const n of touched) {
            const value = index.get(n);
            if (value !== undefined) out.add(value);
          }
          return out;
        },
        onlyTextWithin: (isPart) => swapsNow?.size === 0 && textsWithin(isPart),
        swapsWithin: (isPart) => (swapsNow && textsWithin((n) => isPart(n) || swappedInNow.has(n as Element)) ? swapsNow : undefined),
      };
    },
  };
}
