import type { PageAdapter } from '../adapter';
import { AFTER_SALE_KIND_WORDS } from '../vocab';
import { meaningOf } from '@/utils/page-data/words';
import { caseTable, cellText } from './case-table';

/**
 * 抖店 售后工作台 (`/ffa/maftersale/aftersale/list`, `/ffa/merchant-aftersale-workbench/aftersale/list`):
 * an auxo table with one row per after-sales case. Cells carry no labels, so every value is found
 * by its column's header words (reordered or re-skinned tables still read). A row becomes a
 * case-only reading (`scope: 'cases'`) of its order: the background merges it into the order the
 * order list read, keeping that timeline.
 */

const COLUMNS = {
  caseId: ['售后单号', '售后编号'],
  orderId: ['订单编号', '订单号'],
  kind: ['售后类型'],
  requestedAt: ['申请时间'],
  status: ['售后状态'],
  // 当前节点逾期时间 (status_deadline) as an instant, or as the countdown the page ticks.
  deadline: ['超时时间', '逾期时间', '处理截止时间'],
  remaining: ['剩余处理时间', '剩余时间'],
  buyer: ['买家', '买家信息', '收货信息'],
} as const;

/** The merchant's move: 待商家处理 / 待商家收货 / 待商家发货 (6, 11, 8) and arbitration 待商家举证 (4). */
const MERCHANT_STEP = /待商家|商家举证|待卖家/;

const TABLE = caseTable({ columns: COLUMNS, caseId: 'caseId', orderId: 'orderId', start: 'requestedAt', status: 'status', skip: ['buyer'] });

/** The tables whose header names a 售后单号 column, with their body rows. */
export const findAfterSaleRows = TABLE.find;

export const readAfterSaleRow: PageAdapter['read'] = (row, ctx) => {
  const { cells, orderId, id, startAt, status, time } = TABLE.read(row, ctx.now);
  const kind = cellText(cells.kind);
  return {
    orderId,
    fields: {
      afterSales: [
        {
          id,
          kind: meaningOf(AFTER_SALE_KIND_WORDS, kind) ?? 'other',
          requestedAt: startAt,
          deadline: time('deadline') ?? time('remaining'),
          awaitingMerchant: MERCHANT_STEP.test(status),
        },
      ],
      scope: 'cases',
      source: 'dom',
    },
  };
};
