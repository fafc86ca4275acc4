import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOUR_MS, MINUTE_MS } from '@/policies/time';
import type { OrderInput, ServiceTicket } from '@/policies/order';
import type { Verdict } from '@/policies/verdict';
import { boot, DOUYIN_TAB, POPUP, send, freshBrowserAt } from './harness';

/**
 * 抖店's case lists (服务请求, 售后工作台) show one case per row: a page's reply carries a verdict
 * per case so each row's badge shows its own case; the popup, notifications and toolbar badge keep
 * one clock per order × rule, its most urgent case.
 */

const NOW = Date.parse('2025-06-18T10:00:00+08:00');
const RULE = 'douyin.service-ticket';

/** One 服务请求 row: a case-only reading of order `orderId` with a single ticket. */
function ticketRow(orderId: string, ticket: Partial<ServiceTicket> & Pick<ServiceTicket, 'id'>): OrderInput {
  return { platform: 'douyin', orderId, readAt: NOW, scope: 'cases', serviceTickets: [{ openedAt: NOW - HOUR_MS, ...ticket }] };
}

function pageRead(orders: OrderInput[]) {
  return { type: 'page-read', platform: 'douyin', pagePath: '/ffa/morder/service/list', readAt: NOW, orders, unreadable: [] };
}

type Reply = { ok: true; verdicts: Verdict[] };
/** The reply's ticket verdicts, by order and ticket id (their order in the reply is the merge's). */
const tickets = (reply: Reply) =>
  reply.verdicts
    .filter((v) => v.ruleId === RULE)
    .map((v) => [v.orderId, v.subjectId, v.state, v.deadline])
    .sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));

freshBrowserAt(NOW);

describe('case rows', () => {
  const urgent = { id: 'S1', deadline: NOW + 20 * MINUTE_MS };
  const calm = { id: 'S2', deadline: NOW + 10 * HOUR_MS };

  it('a page-read of two ticket rows of one order gets a verdict per ticket, with its own deadline', async () => {
    await boot();
    const reply = (await send(pageRead([ticketRow('O1', calm), ticketRow('O1', urgent)]), DOUYIN_TAB)) as Reply;
    expect(reply.ok).toBe(true);
    expect(tickets(reply)).toEqual([
      ['O1', 'S1', 'critical', urgent.deadline],
      ['O1', 'S2', 'running', calm.deadline],
    ]);

    const query = (await send({ type: 'verdicts', platform: 'douyin', orderIds: ['O1'] }, DOUYIN_TAB)) as Reply;
    expect(tickets(query)).toEqual(tickets(reply));
  });

  it('a handled ticket row gets its own finished verdict next to the open one', async () => {
    await boot();
    const replied = { id: 'S3', openedAt: NOW - 3 * HOUR_MS, repliedAt: NOW - 2 * HOUR_MS, awaitingMerchant: false };
    const reply = (await send(pageRead([ticketRow('O1', urgent), ticketRow('O1', replied)]), DOUYIN_TAB)) as Reply;
    expect(tickets(reply)).toEqual([
      ['O1', 'S1', 'critical', urgent.deadline],
      ['O1', 'S3', 'met', NOW - 3 * HOUR_MS + 24 * HOUR_MS],
    ]);
  });

  it('the popup, the toolbar badge and notifications keep one clock per order × rule: the most urgent ticket', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await boot();
    await send(pageRead([ticketRow('O1', calm), ticketRow('O1', urgent), ticketRow('O2', calm)]), DOUYIN_TAB);
    const popup = (await send({ type: 'popup-state' }, POPUP)) as {
      items: { key: string; state: string }[];
      platforms: { platform: string; counts: Record<string, number> }[];
    };
    expect(popup.items.map((i) => [i.key, i.state])).toEqual([
      [`douyin:O1:${RULE}:S1`, 'critical'],
      [`douyin:O2:${RULE}:S2`, 'running'],
    ]);
    expect(popup.platforms.find((p) => p.platform === 'douyin')?.counts).toEqual({ critical: 1, running: 1 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0]).toBe(`douyin:O1:${RULE}:S1|critical`);
  });

  it('asks only for the orders named: another order’s tickets stay out of the reply', async () => {
    await boot();
    await send(pageRead([ticketRow('O1', urgent), ticketRow('O2', calm)]), DOUYIN_TAB);
    const query = (await send({ type: 'verdicts', platform: 'douyin', orderIds: ['O2', 'MISSING'] }, DOUYIN_TAB)) as Reply;
    expect(tickets(query)).toEqual([['O2', 'S2', 'running', calm.deadline]]);
  });
});
