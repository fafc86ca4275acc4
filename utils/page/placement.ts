import { BADGE_TAG, createBadgeHost, isBadge, isOwnBadge, removeBadge } from '@/components/badge/badge';
import type { RowCandidate } from './adapter';
import { unobserved } from './page-observer';

/**
 * One badge per order row, keyed by order id: placed right after the element printing the order
 * id, reused while the row shows the same order, re-keyed when a virtualized list recycles the
 * row for another order, and swept (run.ts) when no row placed it in a reading. Never two at one
 * row's spot; rows inside rows (a mangled page) each keep their own.
 */

const KEY = 'data-shouyue-key';

/**
 * Where a row's badge goes: right after the element printing the order id, or, for a table row
 * found without a readable label, first in its first cell (in the row itself when it has no cell)
 * — never between table rows, where it would join the next order's row group, and never where
 * another row's badge goes (that one always follows an element).
 */
function badgeSpot(idElement: Element): { at: Element; current: Element | null; put(host: Element): void } {
  if (idElement.tagName !== 'TR') return { at: idElement, current: idElement.nextElementSibling, put: (host) => idElement.after(host) };
  const cell = [...idElement.children].find((c) => !isBadge(c)) ?? idElement;
  return { at: cell, current: cell.firstElementChild, put: (host) => cell.prepend(host) };
}

/**
 * Places rows' badges, putting the new ones on the page when `commit` is called. Each insertion
 * into the merchant's table makes the browser lay the whole table out again at its next frame (a
 * 1,000-row table: 40–500 ms each time), so a reading's new badges go in together, once their
 * verdicts are drawn with their widths (widening a badge on the page lays the table out again too),
 * not a slice's worth per frame.
 */
export function badgePlacer() {
  /** New badges by the element they go after (or the cell they open): one per spot. */
  const pending = new Map<Element, { host: HTMLElement; put(host: Element): void }>();
  const held = new Set<Element>();
  const drop = () => {
    pending.clear();
    held.clear();
  };
  return {
    /** The row's badge: the one at its spot, else `left` (a badge the row left behind in an element the page swapped out), else a new one. */
    place(row: RowCandidate, key: string, left?: Element): HTMLElement {
      const spot = badgeSpot(row.idElement);
      let host = spot.current && isOwnBadge(spot.current) ? (spot.current as HTMLElement) : pending.get(spot.at)?.host;
      if (!host) {
        host = left && isOwnBadge(left) && !left.isConnected ? (left as HTMLElement) : createBadgeHost(row.idElement.ownerDocument);
        pending.set(spot.at, { host, put: spot.put });
        held.add(host);
      }
      if (host.getAttribute(KEY) !== key) host.setAttribute(KEY, key);
      return host;
    },
    /** A new badge not yet on the page: drawn like one that is. */
    holds: (host: Element): boolean => held.has(host),
    /** Puts the new badges on the page, in one go (those whose row is still on it). */
    commit(): void {
      unobserved(() => {
        for (const [at, { host, put }] of pending) if (at.isConnected) put(host);
      });
      drop();
    },
    /** Forgets the new badges (the reading was abandoned). */
    drop,
  };
}

/**
 * Our badges under `root`, after taking out the copies the page made of them (a row cloned with
 * its badge copies the element but not its shadow root): a row is never found or read with one.
 */
export function ownBadgesOnPage(root: ParentNode): Element[] {
  const own: Element[] = [];
  for (const host of root.querySelectorAll(BADGE_TAG)) {
    if (isOwnBadge(host)) own.push(host);
    else removeBadge(host);
  }
  return own;
}

/** Removes every badge under `root` (the page left the list, or the session ended). */
export function sweepBadges(root: ParentNode): void {
  for (const host of root.querySelectorAll(BADGE_TAG)) removeBadge(host);
}
