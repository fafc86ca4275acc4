import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { badgeMessages } from '@/components/badge/messages';
import { badgeContent } from '@/components/badge/view';
import { translator } from '@/utils/i18n';
import type { Verdict } from '@/policies/verdict';
import { FIXTURE_PAGES, type Fixture, type FixtureEntry, type FixtureOrder, type Tab } from '@/tests/fixtures/pages';
import { ordersInView } from '@/tests/fixtures/pages/common';
import { expectedVerdicts } from './expected';
import { CHROME_BUILD } from './paths';

/** A badge as the merchant sees it, read from the page (through its open shadow root). */
export interface SeenBadge {
  key: string;
  tone: string;
  text: string;
  /** The tooltip's text (every rule, deadlines in China time), as hovering shows it. */
  tooltip: string;
  /** Text of the element the badge sits beside (the order id label). */
  beside: string;
}

/**
 * Runs in the page (Chromium or Firefox): every badge as the merchant sees it. Self-contained.
 * The tooltip is written when it first opens, so each badge is hovered (and left) to read it.
 */
export function badgesInDocument(): SeenBadge[] {
  return [...document.querySelectorAll('shouyue-badge')].map((host) => {
    const root = host.shadowRoot;
    const button = root?.querySelector('button');
    host.dispatchEvent(new MouseEvent('mouseenter'));
    const tooltip = root?.querySelector('.pop')?.textContent ?? '';
    host.dispatchEvent(new MouseEvent('mouseleave'));
    return {
      key: host.getAttribute('data-shouyue-key') ?? '',
      tone: [...(button?.classList ?? [])].find((c) => c.startsWith('s-'))?.slice(2) ?? '',
      text: root?.querySelector('.text')?.textContent ?? '',
      tooltip,
      beside: host.previousElementSibling?.textContent ?? '',
    };
  });
}

/** Keys of the badges the badge style does not reach (its sheet refused or lost): they would look like page text. */
export function unstyledBadges(): string[] {
  return [...document.querySelectorAll('shouyue-badge')]
    .filter((host) => {
      const button = host.shadowRoot?.querySelector('button');
      return !button || !getComputedStyle(host).contain.includes('layout') || getComputedStyle(button).borderTopLeftRadius !== '10px';
    })
    .map((host) => host.getAttribute('data-shouyue-key') ?? '');
}

export const readBadges = (page: Page): Promise<SeenBadge[]> => page.evaluate(badgesInDocument);

/**
 * Waits until `read` shows `count` badges, none still waiting for the background, and the same
 * badges twice in a row (the content script has settled).
 */
export async function settle(read: () => Promise<SeenBadge[]>, count: number, where: string, timeoutMs = 20_000): Promise<SeenBadge[]> {
  const until = Date.now() + timeoutMs;
  let previous = '';
  let seen: SeenBadge[] = [];
  while (Date.now() < until) {
    seen = await read();
    const snapshot = JSON.stringify(seen.map((b) => [b.key, b.tone]));
    if (seen.length === count && seen.every((b) => b.tone !== 'waiting') && snapshot === previous) return seen;
    previous = snapshot;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${count} settled badges on ${where}, saw ${seen.length}: ${JSON.stringify(seen.map((b) => [b.key, b.tone, b.text]))}`);
}

export const settledBadges = (page: Page, count: number): Promise<SeenBadge[]> => settle(() => readBadges(page), count, page.url());

/** The orders a fixture view shows, in list order (`pageSize` as the page was served with). */
export const ordersShown = (fixture: Fixture, pageSize: number, tab: Tab = 'all', page = 1): FixtureOrder[] =>
  ordersInView(fixture.orders, tab, page, pageSize);

const UNREADABLE = translator(badgeMessages, 'zh')('unreadable');

/** What a badge must say for `order` at `now`: the extension's own wording of the engine's verdicts. */
export function expectedBadge(order: FixtureOrder, verdicts: readonly Verdict[]): { tone: string; text: string } {
  if (order.broken) return { tone: 'unreadable', text: UNREADABLE };
  const content = badgeContent({ kind: 'verdicts', orderId: order.id, verdicts: verdicts.filter((v) => v.orderId === order.id) }, 'zh', () => undefined);
  return { tone: content.tone, text: content.text };
}

/**
 * Checks each badge against the engine run in Node at the instants just before and just after the
 * page was read (a minute may tick over in between). Returns human-readable mismatches.
 */
export function badgeMismatches(fixture: Fixture, orders: FixtureOrder[], seen: SeenBadge[], before: number, after: number): string[] {
  const at = [before, after].map((t) => expectedVerdicts(fixture, t));
  const problems: string[] = [];
  const readable = orders.filter((o) => o.broken !== 'no-order-id');
  const keys = seen.map((b) => b.key).sort();
  const ids = readable.map((o) => o.id).sort();
  if (JSON.stringify(keys.filter((k) => ids.includes(k))) !== JSON.stringify(ids)) problems.push(`badge keys ${keys} ≠ order ids ${ids}`);
  for (const order of readable) {
    const badge = seen.find((b) => b.key === order.id);
    if (!badge) continue;
    const candidates = at.map((verdicts) => expectedBadge(order, verdicts));
    if (!candidates.some((c) => c.tone === badge.tone && c.text === badge.text)) {
      problems.push(`${order.id} (${order.kind}): saw ${badge.tone} "${badge.text}", expected ${candidates.map((c) => `${c.tone} "${c.text}"`).join(' or ')}`);
    }
    if (!badge.beside.includes(order.id)) problems.push(`${order.id}: badge sits beside "${badge.beside}"`);
  }
  return problems;
}

/** The platforms whose order lists the built extension reads (an isolated-world content script matches them). */
export async function readablePlatformPages(): Promise<FixtureEntry[]> {
  const manifest = JSON.parse(await readFile(resolve(CHROME_BUILD, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches: string[]; world?: string }[];
  };
  const patterns = (manifest.content_scripts ?? [])
    .filter((c) => c.world !== 'MAIN')
    .flatMap((c) => c.matches)
    .map((m) => new RegExp(`^${m.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`));
  return FIXTURE_PAGES.filter((entry) => patterns.some((p) => p.test(entry.url)));
}
