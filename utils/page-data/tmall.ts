import { z } from 'zod';
import { instant, orderId, text, yuan } from './fields';
import { at, leniently, notData, readList, type ListParser, type PageParsers } from './result';
import { statusFromWords } from './status';

/**
 * 千牛 / 天猫 sold list (myseller.taobao.com, qn.taobao.com) JSON → orders.
 *
 * `POST trade.taobao.com/trade/itemlist/asyncSold.htm` → `{ mainOrders: [row…], page: { totalPage, currentPage } }`;
 * a risk-control answer is `{ rgv587_flag: 'sm', url: '…punish…' }` (handled as captcha).
 * | field | meaning | source |
 * |---|---|---|
 * | `id` | order id (订单号, TOP `tid`) | PAGES.md |
 * | `orderInfo.createTime` | created, China wall clock `yyyy-MM-dd HH:mm:ss` | PAGES.md (header 创建时间); shape unverified |
 * | `statusInfo.text` | status words 买家已付款 / 等待卖家发货 / 卖家已发货 / 交易成功 / 交易关闭 | PAGES.md |
 * | `payInfo.actualFee` | paid amount, yuan text | PAGES.md |
 * | `subOrders[]` | one per item (count only) | PAGES.md |
 * | `subOrders[].est_con_time` | the sub-order's promised ship time (商家的预计发货时间), wall clock | TOP `taobao.trades.sold.get` (PLATFORMS.md); **unverified in the web JSON** — the earliest present wins, none → rule deadline, badge "estimated" |
 */

const SubOrder = z.looseObject({ est_con_time: instant });

const Row = z.looseObject({
  id: orderId,
  orderInfo: z.looseObject({ createTime: instant }).optional(),
  statusInfo: z.looseObject({ text }).optional(),
  payInfo: z.looseObject({ actualFee: yuan }).optional(),
  subOrders: z.array(SubOrder).max(10_000).optional(),
});

function earliest(values: (number | undefined)[]): number | undefined {
  const present = values.filter((v): v is number => v !== undefined);
  return present.length > 0 ? Math.min(...present) : undefined;
}

export const parseTmallSold: ListParser = (json, readAt) => {
  const failure = notData(json);
  if (failure) return failure;
  return readList(
    at(json, 'mainOrders'),
    {
      schema: Row,
      required: ['id'],
      idOf: (raw) => leniently(raw, 'id'),
      toOrder: (row) => ({
        platform: 'tmallGlobal',
        orderId: row.id,
        subOrderCount: Math.max(1, row.subOrders?.length ?? 1),
        status: statusFromWords(row.statusInfo?.text),
        amount: row.payInfo?.actualFee,
        timeline: {
          placedAt: row.orderInfo?.createTime,
          shipBy: earliest((row.subOrders ?? []).map((sub) => sub.est_con_time)),
        },
        readAt,
        source: 'json',
      }),
    },
  );
};

export const tmallParsers: PageParsers = { 'tmallGlobal.sold': parseTmallSold };
