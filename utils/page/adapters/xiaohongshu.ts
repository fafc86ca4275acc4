import { labelValue } from '../text';
import { readOrderRow } from '../read-order';
import { rowsByLabel } from '../rows';
import { countQuantities, requireOrderId, rowText, type PageAdapter } from '../adapter';

/**
 * 小红书 千帆 (ark.xiaohongshu.com). PAGES.md: the "d-" kit, row markup unknown; an order is found
 * by its `订单号：P…` text (P and at least 15 digits), and its fields by their labels.
 */

const LABELS = ['订单号'] as const;
const XHS_ORDER_ID = /^P\d{15,}$/;

export const xiaohongshuAdapter: PageAdapter = {
  platform: 'xiaohongshu',
  pageKind(url) {
    if (url.hostname !== 'ark.xiaohongshu.com') return null;
    if (/^\/app-order\/order\/query\/?$/.test(url.pathname)) return 'order-list';
    if (/^\/app-order\/aftersale\/list\/?$/.test(url.pathname)) return 'after-sales';
    return null;
  },
  findRows(root) {
    return rowsByLabel(root, LABELS).map(({ anchor, idElement }) => ({ anchor, parts: [anchor], idElement }));
  },
  read(row, ctx) {
    const text = rowText(row, 0);
    text.itemCount = countQuantities(text.texts);
    const printed = labelValue(text.texts, LABELS);
    const orderId = requireOrderId(printed && XHS_ORDER_ID.test(printed) ? printed : undefined, LABELS[0]);
    return readOrderRow(orderId, text, ctx.now);
  },
};
