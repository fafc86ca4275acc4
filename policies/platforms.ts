import { z } from 'zod';

/** Every platform 守约 knows. Order matters: it is the display order in the popup. */
export const PlatformSchema = z.enum([
  'douyin',
  'kuaishou',
  'alibaba1688',
  'tmallGlobal',
  'pinduoduo',
  'xiaohongshu',
]);
export type Platform = z.infer<typeof PlatformSchema>;
export const PLATFORMS = PlatformSchema.options;

/**
 * The merchant back-office pages of each platform (PLATFORMS.md). These are the only hosts the
 * extension's content scripts match and the only host permissions it asks for.
 */
export const PLATFORM_PAGES: Record<Platform, { matches: string[]; orderListUrl: string }> = {
  douyin: {
    matches: ['https://fxg.jinritemai.com/*'],
    orderListUrl: 'https://fxg.jinritemai.com/ffa/morder/order/list',
  },
  kuaishou: {
    matches: ['https://s.kwaixiaodian.com/*'],
    orderListUrl: 'https://s.kwaixiaodian.com/zone/order/list',
  },
  alibaba1688: {
    matches: ['https://trade.1688.com/*', 'https://work.1688.com/*'],
    orderListUrl: 'https://trade.1688.com/order/seller_order_list.htm?tradeStatus=waitsellersend',
  },
  tmallGlobal: {
    matches: [
      'https://myseller.taobao.com/*',
      'https://qn.taobao.com/*',
      'https://trade.taobao.com/*',
      'https://trade.tmall.com/*',
    ],
    orderListUrl: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold',
  },
  pinduoduo: {
    matches: ['https://mms.pinduoduo.com/*'],
    orderListUrl: 'https://mms.pinduoduo.com/orders/list',
  },
  xiaohongshu: {
    matches: ['https://ark.xiaohongshu.com/*'],
    orderListUrl: 'https://ark.xiaohongshu.com/app-order/order/query',
  },
};
