import { defineRule, defineSetting, type RuleInput } from '../rule';
import { defaultShipHours, PLATFORMS_MD, SHIP_SPEC, unconfirmedAfterSalesRule } from './common';

/**
 * 拼多多 Pinduoduo. No seed covers PDD: the clocks below come from the deadlines the back office
 * displays (PLATFORMS.md field table) and every number is a named setting marked unverified.
 */

const FIELDS = `${PLATFORMS_MD} field table`;

const SAME_DAY_CUTOFF = defineSetting({
  id: 'pinduoduo.sameDayCutoffHour',
  title: { zh: '当日发货截单时间（点，中国时间）', en: 'Same-day shipping cutoff hour (China time)' },
  value: 16,
  unit: 'hour-of-day',
  min: 0,
  max: 24,
  source: `${PLATFORMS_MD}: "commonly quoted as orders paid before 16:00 ship the same day"`,
  verified: false,
});

const rules: RuleInput[] = [
  {
    id: 'pinduoduo.ship',
    platform: 'pinduoduo',
    clock: 'ship',
    title: { zh: '发货时效（最迟发货时间）', en: 'Shipping deadline (latest ship time)' },
    source: {
      kind: 'public-rule',
      where: `${FIELDS}: PDD ship-by \`last_ship_time\` (UI label 最迟发货时间); the web list carries \`promise_shipping_time\``,
    },
    spec: SHIP_SPEC,
    versions: [{ windowHours: defaultShipHours('pinduoduo') }],
    consequence: { zh: '发货超时：按平台发货规则处理', en: 'Late shipping: handled under the platform shipping rules' },
  },
  {
    id: 'pinduoduo.same-day',
    platform: 'pinduoduo',
    clock: 'ship',
    title: { zh: '当日发货', en: 'Same-day shipping' },
    source: { kind: 'public-rule', where: `${FIELDS}: PDD same-day flag \`delivery_one_day\` (是否当日发货, 0 否 1 是)` },
    appliesTo: { services: ['same-day-ship'], shopPromise: 'sameDayShip' },
    spec: { type: 'same-day-cutoff', from: ['paidAt'], until: 'shippedAt', platformDeadline: 'shipBy' },
    versions: [{ cutoffHour: SAME_DAY_CUTOFF }],
    consequence: { zh: '违背当日发货承诺', en: 'Breaks the same-day shipping promise' },
  },
  unconfirmedAfterSalesRule('pinduoduo'),
];

export const pinduoduoRules = rules.map(defineRule);
