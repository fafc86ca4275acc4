// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/App';
import { createPopupStore } from '@/components/popup/store';
import type { ExtensionPageMessage } from '@/utils/messages';
import { HOUR, item, MIN, NOW, reply } from './state';

afterEach(cleanup);

const mix = [
  item({ orderId: 'SOON1', state: 'due-soon', timeLeftMs: 5 * HOUR, amount: 45 }),
  item({ orderId: 'LATE1', state: 'breached', timeLeftMs: -25 * MIN, amount: 89.9, subOrderCount: 2 }),
  item({ orderId: 'CRIT1', state: 'critical', timeLeftMs: 18 * MIN + 5_000, amount: 259 }),
  item({ orderId: 'CRIT2', platform: 'alibaba1688', state: 'critical', timeLeftMs: HOUR + 20 * MIN, moneyAtRiskYuan: 50, deadlineSource: 'rule' }),
  item({ orderId: 'RUN1', state: 'running', timeLeftMs: 30 * HOUR }),
];

function setup(send: (m: ExtensionPageMessage) => Promise<unknown>) {
  const store = createPopupStore(send, () => NOW);
  render(<PopupApp store={store} />);
  return store;
}

const orderIds = () => screen.queryAllByRole('listitem').map((li) => li.getAttribute('data-key')?.split(':')[1]).filter(Boolean);

describe('popup', () => {
  it('lists the orders needing action, most urgent first, with clock, China-time deadline, consequence and money', async () => {
    setup(async () => reply(mix));
    await screen.findByText('LATE1');
    expect(orderIds()).toEqual(['LATE1', 'CRIT1', 'CRIT2', 'SOON1']); // running is not "needs action"
    const crit = screen.getByText('CRIT2').closest('li')!;
    expect(within(crit).getByText('剩 1小时20分')).toBeTruthy();
    expect(within(crit).getByText(/截止 06-18 11:20 北京时间/)).toBeTruthy();
    expect(within(crit).getByText('涉及 ¥50')).toBeTruthy();
    expect(within(crit).getByText('1688')).toBeTruthy();
    const late = screen.getByText('LATE1').closest('li')!;
    expect(within(late).getByText('已超时 25分00秒')).toBeTruthy();
    expect(within(late).getByText('2 个子订单')).toBeTruthy();
    expect(within(late).getByText(/超时/, { selector: '.rule' })).toBeTruthy(); // the rule's consequence
    expect(screen.getByText('3 项紧急')).toBeTruthy(); // = the toolbar badge: critical + breached
  });

  it('ticks the countdown every second', async () => {
    const store = setup(async () => reply(mix));
    const crit = (await screen.findByText('CRIT1')).closest('li')!;
    expect(within(crit).getByText('剩 18分05秒')).toBeTruthy();
    act(() => store.getState().tick(NOW + 6_000));
    expect(within(crit).getByText('剩 17分59秒')).toBeTruthy();
  });

  it('filters by platform and state, and searches by order id', async () => {
    const user = userEvent.setup();
    setup(async () => reply(mix));
    await screen.findByText('LATE1');
    await user.selectOptions(screen.getByRole('combobox', { name: '平台' }), 'alibaba1688');
    expect(orderIds()).toEqual(['CRIT2']);
    await user.selectOptions(screen.getByRole('combobox', { name: '平台' }), 'all');
    await user.click(screen.getByRole('radio', { name: '紧急' }));
    expect(orderIds()).toEqual(['CRIT1', 'CRIT2']);
    await user.click(screen.getByRole('radio', { name: '进行中' }));
    expect(orderIds()).toEqual(['RUN1']);
    await user.click(screen.getByRole('radio', { name: '需处理' }));
    await user.type(screen.getByRole('searchbox'), 'soon');
    expect(orderIds()).toEqual(['SOON1']);
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'nothing');
    expect(screen.getByText('没有符合条件的订单')).toBeTruthy();
  });

  it('snoozes and acknowledges through the background, hiding the item', async () => {
    const user = userEvent.setup();
    const sent: ExtensionPageMessage[] = [];
    let items = mix;
    setup(async (m) => {
      sent.push(m);
      if (m.type === 'mark') {
        items = items.map((i) => (i.key === m.key ? { ...i, mark: { kind: 'snooze', until: NOW + HOUR, at: NOW } } : i));
      }
      return reply(items);
    });
    const crit = (await screen.findByText('CRIT1')).closest('li')!;
    await user.click(within(crit).getByRole('button', { name: '1小时后提醒' }));
    expect(sent.at(-1)).toEqual({ type: 'mark', key: 'douyin:CRIT1:douyin.ship:', action: 'snooze' });
    expect(orderIds()).not.toContain('CRIT1');
    expect(screen.getByText(/已隐藏 1 项/)).toBeTruthy();
    expect(screen.getByText('2 项紧急')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '显示' }));
    expect(orderIds()).toContain('CRIT1');

    const soon = screen.getByText('SOON1').closest('li')!;
    await user.click(within(soon).getByRole('button', { name: '已处理' }));
    expect(sent.at(-1)).toEqual({ type: 'mark', key: 'douyin:SOON1:douyin.ship:', action: 'ack' });
  });

  it('shows stale and could-not-read platforms instead of looking calm', async () => {
    setup(async () =>
      reply([], {}, [
        { platform: 'douyin', orders: 3, health: { lastReadAt: NOW - 5 * HOUR, pagePath: '/', rows: 3, unreadable: 0, reasons: [] } },
        { platform: 'tmallGlobal', orders: 0, health: { lastReadAt: NOW - MIN, pagePath: '/', rows: 0, unreadable: 12, reasons: ['no order table'] } },
      ]),
    );
    expect(await screen.findByText(/数据已过时：5小时前读取/)).toBeTruthy();
    expect(screen.getByText(/无法读取天猫全球购页面：no order table/)).toBeTruthy();
    expect(screen.getByText('所有订单都在时限内')).toBeTruthy();
  });

  it('first run: tells the merchant which back-office pages to open', async () => {
    setup(async () => reply([]));
    expect(await screen.findByText('还没有读取到订单')).toBeTruthy();
    const link = screen.getByRole('link', { name: '打开抖店订单列表' });
    expect(link.getAttribute('href')).toBe('https://fxg.jinritemai.com/ffa/morder/order/list');
    expect(screen.getAllByRole('link')).toHaveLength(6);
    expect(screen.queryByText('暂无需要处理的订单')).toBeNull(); // nothing read is not "calm"
  });

  it('shows an error state when the background cannot be reached, and retries', async () => {
    const user = userEvent.setup();
    const send = vi.fn<(m: ExtensionPageMessage) => Promise<unknown>>().mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    send.mockResolvedValue(reply(mix));
    setup(send);
    expect(await screen.findByText('无法连接守约后台')).toBeTruthy();
    expect(screen.getByText(/Receiving end does not exist/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('LATE1')).toBeTruthy();
  });

  it('treats a malformed answer as an error, never as an empty list', async () => {
    setup(async () => ({ ok: true, items: 'nope' }));
    expect(await screen.findByText('无法连接守约后台')).toBeTruthy();
  });

  it('surfaces storage problems', async () => {
    setup(async () => reply(mix, { problems: { storage: { at: NOW, message: 'QUOTA_BYTES quota exceeded' }, corrupted: { at: NOW, count: 2, items: [] } } }));
    expect(await screen.findByText(/无法保存数据：QUOTA_BYTES quota exceeded/)).toBeTruthy();
    expect(screen.getByText(/有 2 条已保存的数据已损坏并被移除/)).toBeTruthy();
  });

  it('speaks English when the settings say so, and renders page text as text', async () => {
    setup(async () => reply([item({ orderId: 'A1', state: 'critical', timeLeftMs: 2 * HOUR })], { lang: 'en' }, [
      { platform: 'douyin', orders: 1, health: { lastReadAt: NOW, pagePath: '/', rows: 1, unreadable: 1, reasons: ['<img src=x onerror=alert(1)>'] } },
    ]));
    expect(await screen.findByText('2h left')).toBeTruthy();
    expect(screen.getByText('1 urgent')).toBeTruthy();
    expect(screen.getByText(/Due 06-18 12:00 China time/)).toBeTruthy();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>/)).toBeTruthy();
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
