// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HealthLine } from '@/components/popup/HealthLine';
import { diagnosticsReport } from '@/utils/page-data/diagnostics';
import type { DataHealth } from '@/utils/page-data/health';

const NOW = Date.UTC(2026, 2, 29, 4, 0, 0); // 12:00 China time
const MIN = 60_000;
const ORDER = '260329-553628719860102';

const healthy: DataHealth = { jsonSeenAt: NOW - 3 * MIN, matched: 18, domOnly: 2, rescued: 1, unreadable: 0 };
const troubled: DataHealth = {
  ...healthy,
  lastNotData: { at: NOW - 5 * MIN, reason: 'captcha' },
  lastParseFailure: { at: NOW - 40 * MIN, endpoint: 'pinduoduo.orders', kind: 'rows', detail: `1 row(s) unreadable; first: order ${ORDER} bad` },
  lastDisagreement: { at: NOW - 2 * MIN, orderId: ORDER, field: 'shipBy', page: NOW + 30 * 60 * MIN, data: NOW + 40 * 60 * MIN },
};
const input = (data: DataHealth) => ({
  platform: 'pinduoduo' as const,
  pagePath: '/orders/list',
  lastReadAt: NOW - MIN,
  rows: 21,
  unreadable: 0,
  reasons: [],
  data,
});

afterEach(cleanup);

describe('HealthLine', () => {
  it('says when page data was seen and how many orders it timed', () => {
    render(<HealthLine input={input(healthy)} now={NOW} lang="zh" />);
    expect(screen.getByText('页面数据：3分钟前收到，19 单按平台时限计时')).toBeTruthy();
    expect(screen.getByText('2 单只读到页面文字，时限为估算')).toBeTruthy();
    expect(screen.getByText('1 单页面文字无法识别，已用页面数据补全')).toBeTruthy();
    expect(screen.queryAllByRole('status')).toHaveLength(0);
  });

  it('warns when no page data was ever seen', () => {
    render(<HealthLine input={input({ matched: 0, domOnly: 5, rescued: 0, unreadable: 0 })} now={NOW} lang="en" />);
    expect(screen.getByText(/No page data received: countdowns are estimated/)).toBeTruthy();
    expect(screen.queryByText(/read from page text only/)).toBeNull();
  });

  it('lists the captcha, the parse failure and the disagreement, newest first, in plain words', () => {
    render(<HealthLine input={input(troubled)} now={NOW} lang="zh" />);
    const lines = screen.getAllByRole('status').map((el) => el.textContent);
    expect(lines).toEqual([
      '⚠ 2分钟前订单 …0102 的发货截止时间与页面显示不一致（页面：2026-03-30 18:00，数据：2026-03-31 04:00），已按平台数据计时',
      '⚠ 5分钟前平台要求安全验证：请在页面完成验证后刷新列表',
      '⚠ 40分钟前部分订单数据无法识别',
    ]);
  });

  it('copies a redacted diagnostics report', async () => {
    const copy = vi.fn(async (_text: string) => {});
    render(<HealthLine input={input(troubled)} now={NOW} lang="zh" version="1.2.3" copy={copy} />);
    fireEvent.click(screen.getByRole('button', { name: '复制诊断信息' }));
    await waitFor(() => expect(screen.getByText('已复制（不含买家信息）')).toBeTruthy());
    const report = copy.mock.calls[0]![0];
    expect(report).toBe(diagnosticsReport(input(troubled), NOW, '1.2.3'));
    expect(report).not.toContain(ORDER);
    expect(report).not.toContain('553628719860102');
    expect(report).toContain('…0102');
    expect(report).toContain('last non-data answer: captcha');
  });

  it('says so when copying fails', async () => {
    render(<HealthLine input={input(healthy)} now={NOW} lang="en" copy={() => Promise.reject(new Error('denied'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(screen.getByText('Copy failed')).toBeTruthy());
  });
});

describe('diagnostics report', () => {
  it('reports a platform without page data, and masks ids in page paths and reasons', () => {
    const report = diagnosticsReport(
      { platform: 'douyin', pagePath: '/ffa/morder/order/detail/6920000000000000001', reasons: ['订单编号 6920000000000000001 下单时间无法识别'] },
      NOW,
    );
    expect(report).toContain('page data: not observed on this page');
    expect(report).not.toMatch(/\d{6,}/);
  });
});
