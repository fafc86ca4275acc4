import { useState } from 'react';
import { browser } from 'wxt/browser';
import { formatChinaTime } from '@/policies/time';
import type { DataHealth, Disagreement } from '@/utils/page-data/health';
import { diagnosticsReport, maskId, type DiagnosticsInput } from '@/utils/page-data/diagnostics';
import { translator, type Lang } from '@/utils/i18n';
import { healthMessages } from './health-messages';
import { agoText } from './view';

/**
 * One platform's data health (issue 7): when the page's own list data was last seen, how many rows
 * it timed, and the last thing that went wrong, so a platform that changed its page shows up here
 * the same day. "Copy diagnostics" copies a redacted report (no buyer data).
 */

type Problem = { at: number; text: string };

function manifestVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

function problems(data: DataHealth, now: number, lang: Lang): Problem[] {
  const t = translator(healthMessages, lang);
  const ago = (at: number) => agoText(at, now, lang);
  const out: Problem[] = [];
  if (data.lastNotData) out.push({ at: data.lastNotData.at, text: t(`notData.${data.lastNotData.reason}`, { ago: ago(data.lastNotData.at) }) });
  if (data.lastParseFailure) out.push({ at: data.lastParseFailure.at, text: t(`failure.${data.lastParseFailure.kind}`, { ago: ago(data.lastParseFailure.at) }) });
  const d = data.lastDisagreement;
  if (d) {
    const value = (v: Disagreement['page']) =>
      d.field === 'status' && typeof v === 'string'
        ? t(`status.${v}`)
        : d.field === 'amount' && typeof v === 'number'
          ? `¥${v.toFixed(2)}`
          : typeof v === 'number'
            ? formatChinaTime(v)
            : String(v);
    out.push({
      at: d.at,
      text: t('disagreement', { ago: ago(d.at), order: maskId(d.orderId), field: t(`field.${d.field}`), page: value(d.page), data: value(d.data) }),
    });
  }
  // Newest first: the merchant needs the latest news.
  return out.sort((a, b) => b.at - a.at);
}

export interface HealthLineProps {
  input: DiagnosticsInput & { data: DataHealth };
  now: number;
  lang: Lang;
  version?: string;
  copy?: (text: string) => Promise<void>;
}

export function HealthLine({ input, now, lang, version, copy = (text) => navigator.clipboard.writeText(text) }: HealthLineProps) {
  const t = translator(healthMessages, lang);
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | undefined>();
  const { data } = input;
  const onCopy = () => {
    copy(diagnosticsReport(input, now, version ?? manifestVersion())).then(
      () => setCopied('copied'),
      () => setCopied('copyFailed'),
    );
  };
  return (
    <div className="health-line" data-health={input.platform}>
      <p className={data.jsonSeenAt === undefined ? 'health-warning' : 'health-ok'}>
        {data.jsonSeenAt === undefined ? `⚠ ${t('never')}` : t('seen', { ago: agoText(data.jsonSeenAt, now, lang), matched: data.matched + data.rescued })}
      </p>
      {data.domOnly > 0 && data.jsonSeenAt !== undefined && <p className="health-note">{t('domOnly', { n: data.domOnly })}</p>}
      {data.rescued > 0 && <p className="health-note">{t('rescued', { n: data.rescued })}</p>}
      {problems(data, now, lang).map((p) => (
        <p key={p.text} className="health-warning" role="status">
          ⚠ {p.text}
        </p>
      ))}
      <button type="button" className="health-copy" onClick={onCopy}>
        {t('copy')}
      </button>
      <span className="health-copied" aria-live="polite">
        {copied && t(copied)}
      </span>
    </div>
  );
}
