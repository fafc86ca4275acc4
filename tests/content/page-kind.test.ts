import { describe, expect, it } from 'vitest';
import type { Platform } from '@/policies/platforms';
import { PLATFORM_PAGES } from '@/policies/platforms';
import type { PageKind } from '@/utils/page/adapter';
import { adapterFor } from './helpers';

const CASES: [Platform, string, PageKind | null][] = [
  ['douyin', 'https://fxg.jinritemai.com/ffa/morder/order/list', 'order-list'],
  ['douyin', 'https://fxg.jinritemai.com/ffa/morder/order/list?tab=stock_up&page=2', 'order-list'],
  ['douyin', 'https://fxg.jinritemai.com/ffa/morder/order/list#/', 'order-list'],
  ['douyin', 'https://fxg.jinritemai.com/ffa/maftersale/aftersale/list', 'after-sales'],
  ['douyin', 'https://fxg.jinritemai.com/ffa/merchant-aftersale-workbench/aftersale/list?status=6', 'after-sales'],
  ['douyin', 'https://fxg.jinritemai.com/ffa/mshop/homepage/index', null],
  ['douyin', 'https://fxg.jinritemai.com/ffa/morder/order/detail?id=6900000000000000001', null],
  ['douyin', 'https://evil.example/ffa/morder/order/list', null],
  ['kuaishou', 'https://s.kwaixiaodian.com/zone/order/list', 'order-list'],
  ['kuaishou', 'https://s.kwaixiaodian.com/zone/order/list?status=30', 'order-list'],
  ['kuaishou', 'https://s.kwaixiaodian.com/zone/home', null],
  ['kuaishou', 'https://s.kwaixiaodian.com.evil.example/zone/order/list', null],
  ['alibaba1688', 'https://trade.1688.com/order/seller_order_list.htm?tradeStatus=waitsellersend', 'order-list'],
  ['alibaba1688', 'https://trade.1688.com/order/seller_order_list.htm?tradeStatus=waitsellersend&page=3&is_his=y', 'order-list'],
  ['alibaba1688', 'https://trade.1688.com/order/buyer_order_list.htm', null],
  ['alibaba1688', 'https://work.1688.com/home/page/index.htm', null],
  ['tmallGlobal', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold', 'order-list'],
  ['tmallGlobal', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitSend', 'order-list'],
  ['tmallGlobal', 'https://qn.taobao.com/home.htm/trade-platform/tp/sold', 'order-list'],
  ['tmallGlobal', 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm', 'order-list'],
  ['tmallGlobal', 'https://myseller.taobao.com/home.htm/QnworkbenchHome/', null],
  ['tmallGlobal', 'https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=1', null],
];

describe('page kind from the URL alone', () => {
  it.each(CASES)('%s %s → %s', (platform, url, kind) => {
    expect(adapterFor(platform).pageKind(new URL(url))).toBe(kind);
  });

  it.each(['douyin', 'kuaishou', 'alibaba1688', 'tmallGlobal'] as const)('%s: its order-list address is a list its content script matches', (platform) => {
    const { orderListUrl, matches } = PLATFORM_PAGES[platform];
    expect(adapterFor(platform).pageKind(new URL(orderListUrl))).toBe('order-list');
    expect(matches.some((m) => orderListUrl.startsWith(m.replace(/\*$/, '')))).toBe(true);
  });
});
