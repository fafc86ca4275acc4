import { useState } from 'react';
import { Section } from '@/components/common/fields';
import { platformName } from '@/components/common/lang';
import { CATALOG } from '@/policies/catalog';
import { clockLabel } from '@/policies/describe';
import { PLATFORMS, type Platform } from '@/policies/platforms';
import { resolveParam, type Rule, type RuleVersion } from '@/policies/rule';
import { useLang, useOptions, useT } from './context';

function VersionLine({ rule, version }: { rule: Rule; version: RuleVersion }) {
  const t = useT();
  const lang = useLang();
  const settings = useOptions((s) => s.settings);
  const parts: string[] = [];
  parts.push(version.effectiveFrom ? t('catalog.from', { date: version.effectiveFrom }) : t('catalog.always'));
  if (version.effectiveTo) parts.push(t('catalog.until', { date: version.effectiveTo }));
  if (version.windowHours !== undefined) parts.push(t('catalog.window', { hours: resolveParam(version.windowHours, settings) }));
  if (version.cutoffHour !== undefined) parts.push(t('catalog.cutoff', { hour: resolveParam(version.cutoffHour, settings) }));
  return (
    <li>
      <code>{`${rule.id}@${version.effectiveFrom ?? 'base'}`}</code> {parts.join(' · ')}
      {version.note && <span className="muted"> — {version.note[lang]}</span>}
    </li>
  );
}

function RuleCard({ rule }: { rule: Rule }) {
  const t = useT();
  const lang = useLang();
  const source =
    rule.source.kind === 'seed' ? t('catalog.seed', { file: rule.source.file, section: rule.source.section }) : rule.source.where;
  return (
    <details className="rule-card" data-rule={rule.id}>
      <summary>
        <span className="platform-tag">{platformName(rule.platform, lang)}</span>
        <span className="rule-title">{rule.title[lang]}</span>
        <span className="clock-tag">{clockLabel(rule.clock, lang)}</span>
      </summary>
      <dl>
        <dt>{t('catalog.source')}</dt>
        <dd>{source}</dd>
        <dt>{t('catalog.versions')}</dt>
        <dd>
          <ul className="versions">
            {rule.versions.map((v, i) => (
              <VersionLine key={i} rule={rule} version={v} />
            ))}
          </ul>
        </dd>
        <dt>{t('catalog.consequence')}</dt>
        <dd>{rule.consequence[lang]}</dd>
      </dl>
      {rule.informational && <p className="hint">{t('catalog.informational')}</p>}
      {rule.spec.type === 'checklist' && <p className="hint">{t('catalog.checklist')}</p>}
    </details>
  );
}

/** Every rule in force, by platform, with its source, versions and consequence. */
export function CatalogBrowser() {
  const t = useT();
  const lang = useLang();
  const [platform, setPlatform] = useState<Platform | 'all'>('all');
  const platforms = PLATFORMS.filter((p) => CATALOG.some((r) => r.platform === p));
  const rules = CATALOG.filter((r) => platform === 'all' || r.platform === platform);
  return (
    <Section id="catalog" title={t('catalog.title')} hint={t('catalog.hint')}>
      <div className="catalog-filter" role="radiogroup" aria-label={t('catalog.title')}>
        {(['all', ...platforms] as const).map((p) => (
          <button key={p} role="radio" aria-checked={platform === p} className={`chip${platform === p ? ' on' : ''}`} onClick={() => setPlatform(p)}>
            {p === 'all' ? t('catalog.all') : platformName(p, lang)}
          </button>
        ))}
        <span className="muted">{t('catalog.count', { n: rules.length })}</span>
      </div>
      <div className="rule-list">
        {rules.map((r) => (
          <RuleCard key={r.id} rule={r} />
        ))}
      </div>
    </Section>
  );
}
