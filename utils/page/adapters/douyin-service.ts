import type { PageAdapter } from '../adapter';
import { RowError } from '../read-order';
import { caseTable } from './case-table';

/**
 * 抖店 服务请求 / 服务单 list: the platform's customer service opens a ticket on an order for a
 * buyer, and the merchant must reply within the platform's deadline (《商家售后服务管理规范》 4.2.4).
 *
 * ASSUMED LAYOUT: no public source shows this back-office page. Its columns are modelled on the
 * open-platform API `order.getServiceList` (获取服务请求列表; e.g. zsmhub/doudian-sdk
 * api/order_getServiceList): 服务请求ID `id`, 订单号 `order_id`, 服务类型 `service_type`, 服务创建时间
 * `create_time`, 操作状态 `operate_status` / `operate_status_desc` (0 待处理, 5 用户确认中,
 * 10 平台介入中 / 审核中, 100 已完结 / 已关闭), 回复时间 `reply_time`, and `order.serviceDetail`'s
 * 超时时间 `expiration_time`. The 服务单详情 (`detail`) and 回复内容 (`reply`) columns hold buyer
 * and merchant text: never read. One row per ticket becomes a case-only reading (`scope: 'cases'`)
 * of its order with one ticket; the background merges tickets by id.
 */

const COLUMNS = {
  ticketId: ['服务单号', '服务请求ID', '服务单ID', '服务请求编号', '服务单编号'],
  orderId: ['订单编号', '订单号'],
  kind: ['服务类型', '服务单类型'],
  openedAt: ['创建时间', '发起时间', '服务创建时间', '服务单创建时间'],
  status: ['处理状态', '服务单状态', '操作状态', '状态'],
  // The reply deadline as an instant (超时时间, expiration_time) or as the countdown the page ticks.
  deadline: ['回复截止时间', '超时时间', '处理截止时间'],
  remaining: ['剩余回复时间', '剩余处理时间', '剩余时间'],
  repliedAt: ['回复时间', '最新回复时间'],
  detail: ['服务单详情', '服务详情', '问题描述', '详情'],
  reply: ['回复内容', '商家回复', '答复内容'],
  buyer: ['买家', '买家信息'],
} as const;

/** The merchant's move: operate_status 0 (待处理), or a reply the platform sent back (驳回). */
const MERCHANT_STEP = /待处理|未处理|待回复|待商家|驳回/;
/** Waiting on the buyer or the platform, or closed: operate_status 5, 10, 100, or replied. */
const ELSEWHERE = /已回复|已处理|用户确认中|平台介入中|审核中|已完结|已关闭|已撤销|已取消/;

const TABLE = caseTable({ columns: COLUMNS, caseId: 'ticketId', orderId: 'orderId', start: 'openedAt', status: 'status', skip: ['detail', 'reply', 'buyer'] });

/** The tables whose header names a ticket-id column and an order-id column, one row per ticket. */
export const findServiceTicketRows = TABLE.find;

export const readServiceTicketRow: PageAdapter['read'] = (row, ctx) => {
  const { orderId, id, startAt, status, time } = TABLE.read(row, ctx.now);
  const awaitingMerchant = MERCHANT_STEP.test(status);
  // A status we do not know could be either: unreadable, never a guessed clock.
  if (!awaitingMerchant && !ELSEWHERE.test(status)) throw new RowError({ code: 'invalid', field: COLUMNS.status[0], text: status.slice(0, 40) });
  return {
    orderId,
    fields: {
      serviceTickets: [
        {
          id,
          openedAt: startAt,
          // A reply the platform rejected leaves its time on the row while the ticket is open again.
          repliedAt: awaitingMerchant ? undefined : time('repliedAt'),
          // A stopped countdown (已回复) says nothing; an open ticket's countdown is its deadline.
          deadline: time('deadline') ?? (awaitingMerchant ? time('remaining') : undefined),
          awaitingMerchant,
        },
      ],
      scope: 'cases',
      source: 'dom',
    },
  };
};
