import { platformNames } from '../messages';
import { AfterSaleKindSchema, type AfterSaleKind } from '../order';
import type { Platform } from '../platforms';
import { defineSetting, type NamedSetting, type RuleInput } from '../rule';

/** Pieces several platform files share. */

export const PLATFORMS_MD = 'shared/PLATFORMS.md';

/**
 * The ship window used when the page shows no promised ship-by time. No source states it:
 * PLATFORMS.md records "commonly 48 h" for most platforms, unverified.
 */
export function defaultShipHours(platform: Platform, hours = 48): NamedSetting {
  const name = { zh: platformNames.zh[platform], en: platformNames.en[platform] };
  return defineSetting({
    id: `${platform}.defaultShipHours`,
    title: {
      zh: `${name.zh}默认发货时限（页面未显示承诺发货时间时）`,
      en: `${name.en} default ship window (when the page shows no ship-by time)`,
    },
    value: hours,
    unit: 'hours',
    min: 1,
    max: 30 * 24,
    source: `${PLATFORMS_MD} "Numbers no source here confirmed": default ship windows commonly ${hours} h`,
    verified: false,
  });
}

/** Ship clock: payment → shipment, the platform's displayed ship-by time winning when present. */
export const SHIP_SPEC = {
  type: 'duration',
  from: ['paidAt'],
  until: 'shippedAt',
  platformDeadline: 'shipBy',
} as const satisfies RuleInput['spec'];

/** A buyer window after sign-off: information only, never a merchant breach. */
export const AFTER_RECEIPT_SPEC = { type: 'duration', from: ['receivedAt'] } as const satisfies RuleInput['spec'];

export const SHOP_CHECK = { type: 'checklist', scope: 'shop' } as const satisfies RuleInput['spec'];
export const ORDER_CHECK = { type: 'checklist', scope: 'order' } as const satisfies RuleInput['spec'];

/**
 * The after-sales clock of a platform no seed covers: a response window as an unverified named
 * setting, used when the page shows no step deadline (PLATFORMS.md lists after-sales timers as
 * unconfirmed).
 */
export function unconfirmedAfterSalesRule(
  platform: Platform,
  options: { hours?: number; except?: readonly AfterSaleKind[] } = {},
): RuleInput {
  const { hours = 48, except = [] } = options;
  const kinds = AfterSaleKindSchema.options.filter((k) => !except.includes(k));
  return {
    id: `${platform}.after-sales`,
    platform,
    clock: 'after-sales',
    title: { zh: '售后处理时效', en: 'After-sales response' },
    source: { kind: 'public-rule', where: `${PLATFORMS_MD} "Numbers no source here confirmed": after-sales timers` },
    spec: { type: 'case', subject: 'afterSales', ...(except.length > 0 && { kinds }) },
    versions: [
      {
        windowHours: defineSetting({
          id: `${platform}.afterSalesHours`,
          title: {
            zh: '售后处理时限（页面未显示截止时间时，小时）',
            en: 'After-sales response window when the page shows no deadline (hours)',
          },
          value: hours,
          unit: 'hours',
          min: 1,
          max: 30 * 24,
          source: `${PLATFORMS_MD} lists after-sales auto-approve timers as unconfirmed`,
          verified: false,
        }),
      },
    ],
    consequence: { zh: '逾期未处理可能被平台自动同意退款', en: 'Unhandled cases may be auto-approved by the platform' },
  };
}
