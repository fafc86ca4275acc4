import type { EndpointId } from './endpoints';
import { parseDouyinAfterSales, parseDouyinOrders, parseDouyinServiceTickets } from './douyin';
import { parseKuaishouOrders, parseKuaishouRefunds } from './kuaishou';
import { parsePinduoduoOrders } from './pinduoduo';
import type { ListParser } from './result';
import { parseTmallSold } from './tmall';
import { parseXiaohongshuOrders } from './xiaohongshu';

export const PARSERS: Record<EndpointId, ListParser> = {
  'douyin.orders': parseDouyinOrders,
  'douyin.afterSales': parseDouyinAfterSales,
  'douyin.serviceTickets': parseDouyinServiceTickets,
  'kuaishou.orders': parseKuaishouOrders,
  'kuaishou.refunds': parseKuaishouRefunds,
  'tmallGlobal.sold': parseTmallSold,
  'pinduoduo.orders': parsePinduoduoOrders,
  'xiaohongshu.orders': parseXiaohongshuOrders,
};
