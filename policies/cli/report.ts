import { translator, type Lang } from '@/utils/i18n';
import type { Catalog } from '../rule';
import { badgeText, compareUrgency, platformLabel, stateLabel } from '../describe';
import { evaluate, summarize, type Summary } from '../engine';
import { verdictMessages } from '../messages';
import { OrderSchema, type Order } from '../order';
import type { EngineSettings } from '../settings';
import { formatChinaTime } from '../time';
import { ClockStateSchema, type ClockState, type Verdict } from '../verdict';
import { cliMessages } from './messages';

/** The check CLI's pure part: validate records, evaluate, render. check.ts does the I/O. */

export interface Rejection {
  index: number;
  field: string;
  reason: string;
}

export interface CheckReport {
  now: number;
  orders: number;
  rejected: Rejection[];
  summary: Summary;
  /** Merchant clocks at risk (breached, critical, due-soon, unknown), most urgent first. */
  atRisk: Verdict[];
}

const AT_RISK: ReadonlySet<ClockState> = new Set(['breached', 'critical', 'due-soon', 'unknown']);
const MAX_ISSUES_PER_RECORD = 5;

export function validateRecords(records: readonly unknown[]): { orders: Order[]; rejected: Rejection[] } {
  const orders: Order[] = [];
  const rejected: Rejection[] = [];
  records.forEach((record, index) => {
    const parsed = OrderSchema.safeParse(record);
    if (parsed.success) orders.push(parsed.data);
    else
      for (const issue of parsed.error.issues.slice(0, MAX_ISSUES_PER_RECORD)) {
        rejected.push({ index, field: issue.path.map(String).join('.'), reason: issue.message });
      }
  });
  return { orders, rejected };
}

/** Time left first (overdue the most at the top); unreadable clocks last. */
function byTimeLeft(a: Verdict, b: Verdict): number {
  const ta = a.timeLeftMs ?? Infinity;
  const tb = b.timeLeftMs ?? Infinity;
  return ta !== tb ? (ta < tb ? -1 : 1) : compareUrgency(a, b);
}

export function checkRecords(
  records: readonly unknown[],
  catalog: Catalog,
  now: number,
  settings: EngineSettings,
): CheckReport {
  const { orders, rejected } = validateRecords(records);
  const verdicts = evaluate(orders, catalog, now, settings);
  const atRisk = verdicts.filter((v) => !v.informational && AT_RISK.has(v.state)).sort(byTimeLeft);
  return { now, orders: orders.length, rejected, summary: summarize(verdicts), atRisk };
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
      ? 2
      : 1;
  }
  return w;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]!))));
  return rows
    .map((r) => r.map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell))).join('  ').trimEnd())
    .join('\n');
}

export function renderTable(report: CheckReport, catalog: Catalog, lang: Lang): string {
  const t = translator(cliMessages, lang);
  const v = translator(verdictMessages, lang);
  const titles = new Map(catalog.map((r) => [r.id, r.title[lang]]));
  const lines = [
    t('heading', { now: formatChinaTime(report.now, 'minute'), orders: report.orders, risk: report.atRisk.length }),
  ];
  if (report.atRisk.length === 0) lines.push(t('none'));
  else {
    const header = ['platform', 'order', 'rule', 'state', 'left', 'deadline', 'source', 'money'] as const;
    const rows = report.atRisk.map((x) => [
      platformLabel(x.platform, lang),
      x.subjectId ? `${x.orderId} (${x.subjectId})` : x.orderId,
      titles.get(x.ruleId) ?? x.ruleId,
      stateLabel(x.state, lang),
      x.state === 'unknown' ? `${badgeText(x, lang)}: ${(x.missing ?? []).join(', ')}` : badgeText(x, lang),
      x.deadline === undefined ? '—' : formatChinaTime(x.deadline, 'minute'),
      x.deadlineSource ? v(`source.${x.deadlineSource}`) : '—',
      x.moneyAtRiskYuan === undefined ? '' : t('yuan', { amount: x.moneyAtRiskYuan }),
    ]);
    lines.push(table([header.map((h) => t(`col.${h}`)), ...rows]));
  }
  const counts = ClockStateSchema.options
    .filter((s) => report.summary.byState[s] > 0)
    .map((s) => `${stateLabel(s, lang)} ${report.summary.byState[s]}`)
    .join(' · ');
  lines.push('', t('counts', { counts: counts || '0' }));
  if (report.rejected.length > 0) {
    lines.push('', t('rejected', { count: new Set(report.rejected.map((r) => r.index)).size }));
    for (const r of report.rejected) lines.push(t('rejectedLine', { index: r.index, field: r.field || t('root'), reason: r.reason }));
  }
  return lines.join('\n');
}

export function renderJson(report: CheckReport): string {
  return JSON.stringify(
    {
      now: new Date(report.now).toISOString(),
      orders: report.orders,
      rejected: report.rejected,
      summary: report.summary,
      atRisk: report.atRisk,
    },
    null,
    2,
  );
}
