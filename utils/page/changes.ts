import { onlyBadgesMoved } from '@/components/badge/badge';

/**
 * What the page changed between two readings, from its mutation records: a row none of whose
 * elements was touched reads as it did last time, so a 1,000-row list re-rendering 50 rows costs
 * 50 readings. (Comparing every row's text instead costs the whole list each time.)
 */
export interface PageChanges {
  /** True when `el` or anything inside it changed since the previous `take`. */
  touched(el: Element): boolean;
  /**
   * True when every change happened inside the elements `isPart` names: texts anywhere in them,
   * elements only below their own children. Then nothing between, around or directly under them
   * moved, so the rows they make up are the rows a fresh search of the page would find.
   */
  onlyWithin(isPart: (node: Node) => boolean): boolean;
}

/** Records the page's changes under `root` until `signal` aborts; `take` returns and resets them. */
export function trackChanges(root: Node, signal: AbortSignal): { take(): PageChanges } {
  let changed = new Set<Node>();
  /** Per change, the node from which a part must be found upwards for it to stay inside rows. */
  let within = new Set<Node>();
  const note = (records: readonly MutationRecord[]) => {
    for (const r of records) {
      if (onlyBadgesMoved(r)) continue;
      changed.add(r.target);
      // A text (a Text node's data, or text children) may change in the part itself; elements
      // added, removed or re-attributed must sit below the part's own children (cells stay put).
      const textOnly = r.type === 'characterData' || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeType !== 1));
      const from = textOnly && r.type !== 'characterData' ? r.target : r.target.parentNode;
      within.add(from ?? r.target);
    }
  };
  const observer = new MutationObserver(note);
  // The same changes a re-read is triggered by (watch.ts).
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-row-key', 'value'] });
  signal.addEventListener('abort', () => observer.disconnect());
  return {
    take() {
      note(observer.takeRecords());
      const nodes = changed;
      const starts = within;
      changed = new Set();
      within = new Set();
      // Every element holding a changed node has changed; marking ancestors once makes each question one lookup.
      const touched = new Set<Node>();
      for (const node of nodes) {
        for (let n: Node | null = node; n && !touched.has(n); n = n.parentNode) touched.add(n);
      }
      return {
        touched: (el) => touched.has(el),
        onlyWithin(isPart) {
          const inside = new Set<Node>();
          for (const start of starts) {
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
        },
      };
    },
  };
}
