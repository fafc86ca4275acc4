import { MINUTE_MS, parsePlatformTime } from '@/policies/time';
import { requireOrderId, type RowCandidate } from '../adapter';
import { RowError } from '../read-order';
import { columnIndex } from '../rows';
import { normText } from '../text';

/**
 * Case lists (抖店 售后工作台, 服务请求) are tables with one row per case whose cells carry no
 * labels: every value is found by its column's header words, so reordered or re-skinned tables
 * still read. A row's case id, order id, start time and status are required.
 */

export type Cells<K extends string> = Partial<Record<K, Element>>;

export interface CaseTableSpec<K extends string> {
  columns: Record<K, readonly string[]>;
  caseId: NoInfer<K>;
  /** The order id column: required, and the badge goes right after the id it prints. */
  orderId: NoInfer<K>;
  start: NoInfer<K>;
  status: NoInfer<K>;
  /** Columns holding buyer (or free) text: never read. */
  skip: readonly NoInfer<K>[];
}

export interface CaseRow<K extends string> {
  cells: Cells<K>;
  orderId: string;
  id: string;
  startAt: number;
  status: string;
  /** A column's instant (China time, or a countdown anchored at the reading time); undefined when not set. */
  time(key: K): number | undefined;
}

export interface CaseTable<K extends string> {
  find(root: ParentNode): RowCandidate[];
  /** The row's required parts, or a RowError naming the column that failed. */
  read(row: RowCandidate, now: number): CaseRow<K>;
}

const NOT_SET = /^(--?|—|无|暂无|-)$/;
const CASE_ID = /^[A-Za-z0-9_-]{4,64}$/;

/** The innermost element printing a cell's text. */
const textHolder = (cell: Element): Element =>
  [...cell.querySelectorAll('*')].find((e) => e.children.length === 0 && normText(e.textContent ?? '') !== '') ?? cell;

export const cellText = (cell: Element | undefined) => (cell ? normText(cell.textContent ?? '') : '');

function cellTime(cell: Element | undefined, field: string, now: number): number | undefined {
  const value = cellText(cell);
  if (value === '' || NOT_SET.test(value)) return undefined;
  const parsed = parsePlatformTime(value, now);
  if (!parsed.ok) throw new RowError({ code: 'bad-time', field, text: value.slice(0, 40) });
  // A countdown ticking every second names the same minute each time.
  return parsed.kind === 'relative' ? Math.round(parsed.at / MINUTE_MS) * MINUTE_MS : parsed.at;
}

export function caseTable<K extends string>(spec: CaseTableSpec<K>): CaseTable<K> {
  const { columns } = spec;
  const cellsOf = new WeakMap<Element, Cells<K>>();
  const label = (key: K) => columns[key][0]!;

  function find(root: ParentNode): RowCandidate[] {
    const rows: RowCandidate[] = [];
    for (const table of root.querySelectorAll('table')) {
      const headerCells = [...(table.querySelector(':scope > thead')?.querySelectorAll('th') ?? [])];
      const col = columnIndex(headerCells, columns);
      const layout = JSON.stringify(col);
      if (col[spec.caseId] === undefined || col[spec.orderId] === undefined) continue;
      for (const tr of table.querySelectorAll(':scope > tbody > tr')) {
        // Placeholder rows (暂无数据) span the table in one cell.
        if (tr.children.length < headerCells.length) continue;
        const cells: Cells<K> = {};
        for (const key of Object.keys(col) as K[]) {
          const cell = tr.children[col[key]!];
          if (cell) cells[key] = cell;
        }
        cellsOf.set(tr, cells);
        rows.push({
          anchor: tr,
          parts: [tr],
          idElement: textHolder(cells[spec.orderId]!),
          cells: { status: cells[spec.status], skip: spec.skip.flatMap((k) => cells[k] ?? []) },
          layout,
        });
      }
    }
    return rows;
  }

  function read(row: RowCandidate, now: number): CaseRow<K> {
    const cells = cellsOf.get(row.anchor);
    if (!cells) throw new RowError({ code: 'missing-field', field: label(spec.caseId) });
    const time = (key: K) => cellTime(cells[key], label(key), now);
    const orderId = requireOrderId(cellText(cells[spec.orderId]), label(spec.orderId));
    const id = cellText(cells[spec.caseId]);
    if (!CASE_ID.test(id)) throw new RowError({ code: 'invalid', field: label(spec.caseId), text: id.slice(0, 40) || undefined });
    const startAt = time(spec.start);
    if (startAt === undefined) throw new RowError({ code: 'missing-field', field: label(spec.start) });
    const status = cellText(cells[spec.status]);
    if (status === '') throw new RowError({ code: 'missing-field', field: label(spec.status) });
    return { cells, orderId, id, startAt, status, time };
  }

  return { find, read };
}
