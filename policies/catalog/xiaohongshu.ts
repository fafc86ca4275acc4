import { defineRule, defineSetting, type RuleInput } from '../rule';
import { defaultShipHours, PLATFORMS_MD, SHIP_SPEC } from './common';

/**
 * 小红书 Xiaohongshu (千帆 ark). No seed covers it: the ship clock follows the displayed
 * 承诺最晚发货时间 and every number is a named setting marked unverified.
 */

const AFTER_SALES_HOURS = defineSetting({
  id: 'xiaohongshu.afterSalesHours',
  title: {
    zh: '售后处理时限（页面未显示截止时间时，小时）',
    en: 'After-sales response window when the page shows no deadline (hours)',
  },
  value: 48,
  unit: 'hours',
  min: 1,
  max: 30 * 24,
  source: `${PLATFORMS_MD} lists after-sales auto-approve timers as unconfirmed`,
  verified: false,
});

const rules: RuleInput[] = [
  {
    id: 'xiaohongshu.ship',
    platform: 'xiaohongshu',
    clock: 'ship',
    title: { zh: '发货时效（承诺最晚发货时间）', en: 'Shipping deadline (latest promised ship time)' },
    source: {
      kind: 'public-rule',
      where: `${PLATFORMS_MD} field table: Xiaohongshu ship-by \`promiseLastDeliveryTime\` (承诺最晚发货时间, ms)`,
    },
    spec: SHIP_SPEC,
    versions: [{ windowHours: defaultShipHours('xiaohongshu') }],
    consequence: { zh: '发货超时：按平台发货规则处理', en: 'Late shipping: handled under the platform shipping rules' },
  },
  {
    id: 'xiaohongshu.after-sales',
    platform: 'xiaohongshu',
    clock: 'after-sales',
    title: { zh: '售后处理时效', en: 'After-sales response' },
    source: { kind: 'public-rule', where: `${PLATFORMS_MD} "Numbers no source here confirmed": after-sales timers` },
    spec: { type: 'case', subject: 'afterSales' },
    versions: [{ windowHours: AFTER_SALES_HOURS }],
    consequence: { zh: '逾期未处理可能被平台自动同意退款', en: 'Unhandled cases may be auto-approved by the platform' },
  },
];

export const xiaohongshuRules = rules.map(defineRule);
