import type { Platform } from '@/policies/platforms';

/**
 * The list endpoints whose responses the main-world observer copies (PAGES.md). Kept free of
 * zod and parsers so the observer bundle injected into the page stays tiny.
 */
export const ENDPOINT_IDS = [
  'douyin.orders',
  'douyin.afterSales',
  'douyin.serviceTickets',
  'kuaishou.orders',
  'kuaishou.refunds',
  'tmallGlobal.sold',
  'pinduoduo.orders',
  'xiaohongshu.orders',
] as const;
export type EndpointId = (typeof ENDPOINT_IDS)[number];

interface Endpoint {
  id: EndpointId;
  /** Tested against the request URL's path only (never its query, which may carry search terms). */
  path: RegExp;
}

export const ENDPOINTS: Partial<Record<Platform, readonly Endpoint[]>> = {
  douyin: [
    { id: 'douyin.orders', path: /\/api\/order\/searchlist$/ },
    { id: 'douyin.afterSales', path: /\/after_sale\/pc\/list$/ },
    // ASSUMED: no public source names the back office's own 服务请求 endpoint; these are the
    // shapes its other lists and the open API (`order.getServiceList`) suggest.
    { id: 'douyin.serviceTickets', path: /\/api\/(order\/)?(getServiceList|serviceList|service(_request|Request)?\/(pc\/)?list)$/ },
  ],
  kuaishou: [
    { id: 'kuaishou.orders', path: /\/rest\/app\/tts\/ks\/seller\/order\/query\/v2$/ },
    { id: 'kuaishou.refunds', path: /\/rest\/pc\/aftersales\/schema\/refund\/list\/pagination$/ },
  ],
  // 1688's list is server-rendered HTML: no endpoint to observe, its adapter stays on the DOM.
  tmallGlobal: [{ id: 'tmallGlobal.sold', path: /\/trade\/itemlist\/asyncSold\.htm$/ }],
  pinduoduo: [{ id: 'pinduoduo.orders', path: /\/mangkhut\/mms\/recentOrderList$/ }],
  xiaohongshu: [{ id: 'xiaohongshu.orders', path: /\/api\/edith\/fulfillment\/order\/page$/ }],
};

/** The endpoint a request URL belongs to, if any; relative URLs resolve against `base`. */
export function endpointFor(platform: Platform, url: string, base: string): EndpointId | undefined {
  let path: string;
  try {
    path = new URL(url, base).pathname;
  } catch {
    return undefined;
  }
  return ENDPOINTS[platform]?.find((e) => e.path.test(path))?.id;
}

/** The channel tag on every message the observer posts; the receiver ignores anything else. */
export const CHANNEL = 'shouyue:page-data:v1';

/** Lists bigger than this are not copied (a page of orders is far smaller). */
export const MAX_BODY_CHARS = 8_000_000;
