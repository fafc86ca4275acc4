import { useState } from 'react';
import { Checkbox, NumberField, Section, TimeField } from '@/components/common/fields';
import { platformName } from '@/components/common/lang';
import { CATALOG, catalogSettings } from '@/policies/catalog';
import { PLATFORMS, type Platform } from '@/policies/platforms';
import type { NamedSetting } from '@/policies/rule';
import type { ExtensionSettings } from '@/utils/settings';
import { useLang, useOptions, useT } from './context';

const NAMED = catalogSettings(CATALOG);

function useUpdate() {
  return useOptions((s) => s.update);
}

const toggle = (list: readonly Platform[], p: Platform, on: boolean): Platform[] =>
  on ? PLATFORMS.filter((x) => x === p || list.includes(x)) : list.filter((x) => x !== p);

export function LanguageSection() {
  const t = useT();
  const lang = useLang();
  const update = useUpdate();
  return (
    <Section id="lang" title={t('lang.title')}>
      <label className="field">
        <span>{t('lang.label')}</span>
        <select value={lang} onChange={(e) => void update((s) => ({ ...s, lang: e.target.value === 'en' ? 'en' : 'zh' }))}>
          <option value="zh">简体中文</option>
          <option value="en">English</option>
        </select>
      </label>
    </Section>
  );
}

export function PlatformsSection() {
  const t = useT();
  const lang = useLang();
  const enabled = useOptions((s) => s.settings.enabledPlatforms);
  const update = useUpdate();
  return (
    <Section id="platforms" title={t('platforms.title')} hint={t('platforms.hint')}>
      <div className="checks">
        {PLATFORMS.map((p) => (
          <Checkbox
            key={p}
            label={platformName(p, lang)}
            checked={enabled.includes(p)}
            onChange={(on) => void update((s) => ({ ...s, enabledPlatforms: toggle(s.enabledPlatforms, p, on) }))}
          />
        ))}
      </div>
    </Section>
  );
}

type ThresholdKey = keyof ExtensionSettings['thresholds'];

export function ThresholdsSection() {
  const t = useT();
  const thresholds = useOptions((s) => s.settings.thresholds);
  const update = useUpdate();
  const set = (key: ThresholdKey, value: number) => void update((s) => ({ ...s, thresholds: { ...s.thresholds, [key]: value } }));
  const row = (title: string, fraction: ThresholdKey, floor: ThresholdKey) => (
    <div className="threshold-row">
      <h3>{title}</h3>
      <NumberField
        label={t('thresholds.fraction')}
        value={Math.round(thresholds[fraction] * 100)}
        min={0}
        max={100}
        unit="%"
        invalidText={t('invalid', { min: 0, max: 100 })}
        onCommit={(v) => set(fraction, v / 100)}
      />
      <NumberField
        label={t('thresholds.floor')}
        value={thresholds[floor]}
        min={0}
        max={10080}
        invalidText={t('invalid', { min: 0, max: 10080 })}
        onCommit={(v) => set(floor, v)}
      />
    </div>
  );
  return (
    <Section id="thresholds" title={t('thresholds.title')} hint={t('thresholds.hint')}>
      {row(t('thresholds.dueSoon'), 'dueSoonFraction', 'dueSoonFloorMinutes')}
      {row(t('thresholds.critical'), 'criticalFraction', 'criticalFloorMinutes')}
    </Section>
  );
}

/** One catalog named setting: value, unit, default, verified or not, and where it comes from. */
function NamedSettingField({ setting, platform }: { setting: NamedSetting; platform?: boolean }) {
  const t = useT();
  const lang = useLang();
  const override = useOptions((s) => s.settings.ruleParams[setting.id]);
  const update = useUpdate();
  const value = override ?? setting.value;
  const commit = (v: number) => void update((s) => ({ ...s, ruleParams: { ...s.ruleParams, [setting.id]: v } }));
  const reset = () =>
    void update((s) => {
      const { [setting.id]: _dropped, ...rest } = s.ruleParams;
      return { ...s, ruleParams: rest };
    });
  const owner = PLATFORMS.find((p) => setting.id.startsWith(`${p}.`));
  const label = (
    <>
      {platform && owner && <span className="platform-tag">{platformName(owner, lang)}</span>} {setting.title[lang]}{' '}
      <span className={`tag ${setting.verified ? 'ok' : 'warn'}`}>{setting.verified ? t('rules.verified') : t('rules.unverified')}</span>
    </>
  );
  return (
    <div className="named-setting" data-setting={setting.id}>
      {setting.unit === 'choice' && setting.choices ? (
        <label className="field">
          <span>{label}</span>
          <select value={value} onChange={(e) => commit(Number(e.target.value))}>
            {setting.choices.map((c, i) => (
              <option key={i} value={i}>
                {c[lang]}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <NumberField
          label={label}
          value={value}
          min={setting.min}
          max={setting.max}
          unit={t(`unit.${setting.unit}`)}
          invalidText={t('invalid', { min: setting.min, max: setting.max })}
          onCommit={commit}
        />
      )}
      <p className="setting-meta">
        {t('rules.default', { value: setting.unit === 'choice' ? (setting.choices?.[setting.value]?.[lang] ?? setting.value) : setting.value })}
        {override !== undefined && (
          <button className="link" onClick={reset}>
            {t('rules.reset')}
          </button>
        )}
      </p>
      <p className="setting-source">{t('rules.source', { source: setting.source })}</p>
    </div>
  );
}

const isCutoff = (s: NamedSetting) => s.unit === 'hour-of-day';

export function PromisesSection() {
  const t = useT();
  const promises = useOptions((s) => s.settings.shopPromises);
  const update = useUpdate();
  const set = (key: keyof typeof promises, on: boolean) => void update((s) => ({ ...s, shopPromises: { ...s.shopPromises, [key]: on } }));
  return (
    <Section id="promises" title={t('promises.title')} hint={t('promises.hint')}>
      <Checkbox label={t('promises.sameDayShip')} checked={promises.sameDayShip} onChange={(on) => set('sameDayShip', on)} />
      <div className="indent">
        {NAMED.filter(isCutoff).map((s) => (
          <NamedSettingField key={s.id} setting={s} platform />
        ))}
      </div>
      <Checkbox label={t('promises.ship24h')} checked={promises.ship24h} onChange={(on) => set('ship24h', on)} />
    </Section>
  );
}

export function RuleSettingsSection() {
  const t = useT();
  const lang = useLang();
  const platforms = PLATFORMS.filter((p) => NAMED.some((s) => !isCutoff(s) && s.id.startsWith(`${p}.`)));
  return (
    <Section id="rules" title={t('rules.title')} hint={t('rules.hint')}>
      {platforms.map((p) => (
        <fieldset key={p} className="rule-group">
          <legend>{platformName(p, lang)}</legend>
          {NAMED.filter((s) => !isCutoff(s) && s.id.startsWith(`${p}.`)).map((s) => (
            <NamedSettingField key={s.id} setting={s} />
          ))}
        </fieldset>
      ))}
    </Section>
  );
}

export function NotificationsSection() {
  const t = useT();
  const lang = useLang();
  const n = useOptions((s) => s.settings.notifications);
  const update = useUpdate();
  const set = (change: Partial<typeof n>) => void update((s) => ({ ...s, notifications: { ...s.notifications, ...change } }));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Section id="notifications" title={t('notify.title')}>
      <Checkbox label={t('notify.enabled')} checked={n.enabled} onChange={(enabled) => set({ enabled })} />
      <div className="quiet">
        <Checkbox label={t('notify.quiet')} checked={n.quietHours.enabled} onChange={(enabled) => set({ quietHours: { ...n.quietHours, enabled } })} />
        <TimeField label={t('notify.from')} minute={n.quietHours.startMinute} onCommit={(startMinute) => set({ quietHours: { ...n.quietHours, startMinute } })} />
        <TimeField label={t('notify.to')} minute={n.quietHours.endMinute} onCommit={(endMinute) => set({ quietHours: { ...n.quietHours, endMinute } })} />
      </div>
      <p className="hint">{t('notify.quietHint', { zone })}</p>
      <div className="checks">
        <span>{t('notify.muted')}</span>
        {PLATFORMS.map((p) => (
          <Checkbox
            key={p}
            label={platformName(p, lang)}
            checked={n.mutedPlatforms.includes(p)}
            onChange={(on) => set({ mutedPlatforms: toggle(n.mutedPlatforms, p, on) })}
          />
        ))}
      </div>
    </Section>
  );
}

export function DataSection() {
  const t = useT();
  const retention = useOptions((s) => s.settings.retentionDays);
  const update = useUpdate();
  const deleteAll = useOptions((s) => s.deleteAll);
  const [confirming, setConfirming] = useState(false);
  return (
    <Section id="data" title={t('data.title')}>
      <NumberField
        label={t('data.retention')}
        value={retention}
        min={1}
        max={365}
        invalidText={t('invalid', { min: 1, max: 365 })}
        onCommit={(retentionDays) => void update((s) => ({ ...s, retentionDays }))}
      />
      <p className="hint">{t('data.retentionHint')}</p>
      <div className="danger">
        {confirming ? (
          <div role="alertdialog" aria-label={t('data.confirm')} className="confirm">
            <span>{t('data.confirm')}</span>
            <button
              className="danger-button"
              onClick={() => {
                setConfirming(false);
                void deleteAll();
              }}
            >
              {t('data.confirmYes')}
            </button>
            <button onClick={() => setConfirming(false)}>{t('data.cancel')}</button>
          </div>
        ) : (
          <button className="danger-button" onClick={() => setConfirming(true)}>
            {t('data.delete')}
          </button>
        )}
        <p className="hint">{t('data.deleteHint')}</p>
      </div>
    </Section>
  );
}
