import { observePage } from './page-observer';
import { followSwaps, textOnly } from './swaps';

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

/** Records the page's changes under `root` until `signal` aborts; `take` returns and resets them. */
export function trackChanges(root: Node, signal: AbortSignal): { take(): PageChanges } {
  let changed = new Set<Node>();
  /** The elements whose own text changed. */
  let texts = new Set<Node>();
  const swaps = followSwaps();
  const note = (records: readonly MutationRecord[]) => {
    for (const r of records) {
      changed.add(r.target);
      if (textOnly(r)) {
        texts.add(r.type === 'characterData' ? (r.target.parentNode ?? r.target) : r.target);
        continue;
      }
      swaps.note(r);
    }
  };
  // The same changes a re-read is triggered by (watch.ts), our badges' moves left out.
  const { flush } = observePage(root, note, signal);
  return {
    take() {
      flush();
      const nodes = changed;
      const textParents = texts;
      const { swaps: swapsNow, swappedIn: swappedInNow } = swaps.take();
      changed = new Set();
      texts = new Set();
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
