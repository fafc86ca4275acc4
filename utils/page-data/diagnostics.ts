import type { Platform } from '@/policies/platforms';
import type { DataHealth } from './health';

/**
 * The "copy diagnostics" report for one platform: what a support person needs to see why badges
 * are missing or estimated, and nothing about buyers. Order ids are cut to their last 4 digits and
 * any long digit run in a detail is masked the same way; names, phones and addresses never reach
 * DataHealth in the first place.
 */

export interface DiagnosticsInput {
  platform: Platform;
  pagePath?: string;
  lastReadAt?: number;
  rows?: number;
  unreadable?: number;
  reasons?: readonly string[];
  data?: DataHealth;
}

const iso = (at: number | undefined) => (at === undefined ? 'never' : new Date(at).toISOString());

/** `260329-553628719860102` → `…0102`; any run of 6+ digits in free text likewise. */
export const maskId = (id: string) => `…${id.slice(-4)}`;
export const redact = (text: string) => text.replace(/[A-Za-z]?\d[\d-]{5,}/g, (run) => maskId(run));

export function diagnosticsReport(input: DiagnosticsInput, now: number, version = 'unknown'): string {
  const { data } = input;
  const lines = [
    `守约 diagnostics · ${input.platform} · extension ${version}`,
    `generated: ${iso(now)}`,
    `page: ${redact(input.pagePath ?? 'unknown')}`,
    `last page read: ${iso(input.lastReadAt)} · rows ${input.rows ?? 0} · unreadable ${input.unreadable ?? 0}`,
    ...(input.reasons ?? []).map((r) => `  unreadable reason: ${redact(r)}`),
  ];
  if (!data) {
    lines.push('page data: not observed on this page');
  } else {
    lines.push(
      `page data last seen: ${iso(data.jsonSeenAt)}`,
      `joined: matched ${data.matched} · page text only ${data.domOnly} · rescued ${data.rescued} · unreadable ${data.unreadable}`,
    );
    if (data.lastNotData) lines.push(`last non-data answer: ${data.lastNotData.reason} at ${iso(data.lastNotData.at)}`);
    if (data.lastParseFailure) {
      const f = data.lastParseFailure;
      lines.push(`last parse failure: ${f.endpoint} ${f.kind} at ${iso(f.at)}: ${redact(f.detail)}`);
    }
    if (data.lastDisagreement) {
      const d = data.lastDisagreement;
      const value = (v: string | number) => (d.field === 'shipBy' && typeof v === 'number' ? iso(v) : String(v));
      lines.push(`last disagreement: order ${maskId(d.orderId)} ${d.field}: page ${value(d.page)} / data ${value(d.data)} at ${iso(d.at)}`);
    }
  }
  return lines.join('\n');
}
