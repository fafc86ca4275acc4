import { defineRule, type RuleInput } from '../rule';
import { defaultShipHours, PLATFORMS_MD, SHIP_SPEC, unconfirmedAfterSalesRule } from './common';

/**
 * 小红书 Xiaohongshu (千帆 ark). No seed covers it: the ship clock follows the displayed
 * 承诺最晚发货时间 and every number is a named setting marked unverified.
 */

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
  unconfirmedAfterSalesRule('xiaohongshu'),
];

export const xiaohongshuRules = rules.map(defineRule);
