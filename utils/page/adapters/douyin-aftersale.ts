import { MINUTE_MS, parsePlatformTime } from '@/policies/time';
import { requireOrderId, type PageAdapter, type RowCandidate } from '../adapter';
import { RowError } from '../read-order';
import { columnIndex } from '../rows';
import { normText } from '../text';
import { AFTER_SALE_KIND_WORDS } from '../vocab';

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
type Column = keyof typeof COLUMNS;

/** The merchant's move: 待商家处理 / 待商家收货 / 待商家发货 (6, 11, 8) and arbitration 待商家举证 (4). */
const MERCHANT_STEP = /待商家|商家举证|待卖家/;
const NOT_SET = /^(--?|—|无|暂无|-)$/;

type Cells = Partial<Record<Column, Element>>;
const cellsOf = new WeakMap<Element, Cells>();

/** The innermost element printing a cell's text (the badge goes right after the order id). */
const textHolder = (cell: Element): Element =>
  [...cell.querySelectorAll('*')].find((e) => e.children.length === 0 && normText(e.textContent ?? '') !== '') ?? cell;

/** The tables whose header names a 售后单号 column, with their body rows. */
export function findAfterSaleRows(root: ParentNode): RowCandidate[] {
  const rows: RowCandidate[] = [];
  for (const table of root.querySelectorAll('table')) {
    const headerCells = [...(table.querySelector(':scope > thead')?.querySelectorAll('th') ?? [])];
    const col = columnIndex(headerCells, COLUMNS);
    if (col.caseId === undefined || col.orderId === undefined) continue;
    for (const tr of table.querySelectorAll(':scope > tbody > tr')) {
      // Placeholder rows (暂无数据) span the table in one cell.
      if (tr.children.length < headerCells.length) continue;
      const cells: Cells = {};
      for (const key of Object.keys(col) as Column[]) {
        const cell = tr.children[col[key]!];
        if (cell) cells[key] = cell;
      }
      cellsOf.set(tr, cells);
      rows.push({
        anchor: tr,
        parts: [tr],
        idElement: textHolder(cells.orderId!),
        cells: { status: cells.status, skip: cells.buyer ? [cells.buyer] : [] },
      });
    }
  }
  return rows;
}

const text = (cell: Element | undefined) => (cell ? normText(cell.textContent ?? '') : '');

function time(cells: Cells, key: Column, now: number): number | undefined {
  const value = text(cells[key]);
  if (value === '' || NOT_SET.test(value)) return undefined;
  const parsed = parsePlatformTime(value, now);
  if (!parsed.ok) throw new RowError({ code: 'bad-time', field: COLUMNS[key][0], text: value.slice(0, 40) });
  // A countdown ticking every second names the same minute each time.
  return parsed.kind === 'relative' ? Math.round(parsed.at / MINUTE_MS) * MINUTE_MS : parsed.at;
}

export const readAfterSaleRow: PageAdapter['read'] = (row, ctx) => {
  const cells = cellsOf.get(row.anchor);
  if (!cells) throw new RowError({ code: 'missing-field', field: COLUMNS.caseId[0] });
  const orderId = requireOrderId(text(cells.orderId), COLUMNS.orderId[0]);
  const id = text(cells.caseId);
  if (!/^[A-Za-z0-9_-]{4,64}$/.test(id)) throw new RowError({ code: 'invalid', field: COLUMNS.caseId[0], text: id.slice(0, 40) || undefined });
  const requestedAt = time(cells, 'requestedAt', ctx.now);
  if (requestedAt === undefined) throw new RowError({ code: 'missing-field', field: COLUMNS.requestedAt[0] });
  const status = text(cells.status);
  if (status === '') throw new RowError({ code: 'missing-field', field: COLUMNS.status[0] });
  const kind = text(cells.kind);
  return {
    orderId,
    fields: {
      afterSales: [
        {
          id,
          kind: AFTER_SALE_KIND_WORDS.find(([re]) => re.test(kind))?.[1] ?? 'other',
          requestedAt,
          deadline: time(cells, 'deadline', ctx.now) ?? time(cells, 'remaining', ctx.now),
          awaitingMerchant: MERCHANT_STEP.test(status),
        },
      ],
      scope: 'cases',
      source: 'dom',
    },
  };
};
