import { BADGE_TAG, createBadgeHost, isBadge, isOwnBadge, removeBadge } from '@/components/badge/badge';
import type { RowCandidate } from './adapter';

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
function badgeSpot(idElement: Element): { current: Element | null; put(host: Element): void } {
  if (idElement.tagName !== 'TR') return { current: idElement.nextElementSibling, put: (host) => idElement.after(host) };
  const cell = [...idElement.children].find((c) => !isBadge(c)) ?? idElement;
  return { current: cell.firstElementChild, put: (host) => cell.prepend(host) };
}

/** Places the row's badge: the one at its spot, else `left` (a badge the row left behind in an element the page swapped out), else a new one. */
export function placeBadge(row: RowCandidate, key: string, left?: Element): HTMLElement {
  const spot = badgeSpot(row.idElement);
  let host = spot.current && isOwnBadge(spot.current) ? (spot.current as HTMLElement) : undefined;
  if (!host) {
    host = left && isOwnBadge(left) && !left.isConnected ? (left as HTMLElement) : createBadgeHost(row.idElement.ownerDocument);
    spot.put(host);
  }
  if (host.getAttribute(KEY) !== key) host.setAttribute(KEY, key);
  return host;
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
