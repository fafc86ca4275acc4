import { defineRule, defineSetting, type RuleInput, type RuleVersion } from '../rule';
import { defaultShipHours, PLATFORMS_MD, SHIP_SPEC, SHOP_CHECK, unconfirmedAfterSalesRule } from './common';

/** 1688: the shipping behaviour rules and their seven versions, the 3-minute reply rule (seed 003). */

const SEED = '003_6e0fd8f15cde7c43.txt';

const CAP_LATER = defineSetting({
  id: 'alibaba1688.compensationCapYuan',
  title: { zh: '单笔主订单理赔上限（元）', en: 'Compensation cap per main order (yuan)' },
  value: 50,
  unit: 'yuan',
  min: 0,
  max: 100_000,
  source: `${SEED}: 50 yuan stated for the 2023-06-07 version; the 2023-09-12, 2024-03-14 and 2025-02-18 versions changed 赔付标准 without the seed stating numbers`,
  verified: false,
});

const FRAUD_LATER = defineSetting({
  id: 'alibaba1688.fraudPerSubOrderYuan',
  title: { zh: '欺诈发货违约金（元/子订单）', en: 'Fraudulent-shipping penalty (yuan per sub-order)' },
  value: 10,
  unit: 'yuan',
  min: 0,
  max: 100_000,
  source: `${SEED}: 10 yuan stated for the 2023-06-07 version; later versions changed penalties without the seed stating numbers`,
  verified: false,
});

const PICKUP_HOURS = defineSetting({
  id: 'alibaba1688.pickupHours',
  title: { zh: '发货后揽收时限（小时）', en: 'Pickup scan window after shipping (hours)' },
  value: 24,
  unit: 'hours',
  min: 1,
  max: 30 * 24,
  source: `${PLATFORMS_MD}: deliverGoodsOverdueRisk = overdue and status waitlogisticstakein show a pickup clock; its length is not stated`,
  verified: false,
});

type Money = RuleVersion['money'];

/**
 * 《1688商家发货行为管理规范》 versions in force on these days (seed 003). Money is stated from
 * 2023-06-07 on; later versions changed it without the seed giving numbers (named settings).
 */
function shippingVersions(windowHours: RuleVersion['windowHours'], stated: Money, later: Money): RuleVersion[] {
  const v = (effectiveFrom: string, zh: string, en: string, money?: Money): RuleVersion => ({
    effectiveFrom,
    windowHours,
    ...(money ? { money } : {}),
    note: { zh, en },
  });
  return [
    v('2022-10-18', '规范正式生效', 'rules in force'),
    v('2023-02-21', '规范调整', 'rules adjusted'),
    v('2023-06-07', '单笔主订单理赔上限50元；欺诈发货每笔子订单10元（2023-05-31公示）', 'cap 50 yuan per main order; 10 yuan per sub-order for fraudulent shipping', stated),
    v('2023-09-12', '赔付标准与理赔处理时长调整', 'compensation and claim handling times changed', later),
    v('2023-12-27', '规范变更', 'rules changed', later),
    v('2024-03-14', '发货违规的赔付和处罚方式调整', 'compensation and penalties changed', later),
    v('2025-02-18', '发货违规的赔付和处罚方式调整', 'compensation and penalties changed', later),
  ];
}

const SHIPPING_SECTION = '《1688商家发货行为管理规范》于2022年10月18日起正式生效（及2023-02-21、2023-06-07、2023-09-12、2023-12-27、2024-03-14、2025-02-18变更）';

const rules: RuleInput[] = [
  {
    id: '1688.ship',
    platform: 'alibaba1688',
    clock: 'ship',
    title: { zh: '发货时效（承诺发货时间）', en: 'Shipping by the promised time' },
    source: { kind: 'seed', file: SEED, section: SHIPPING_SECTION },
    spec: SHIP_SPEC,
    versions: shippingVersions(
      defaultShipHours('alibaba1688'),
      { perMainOrderYuan: 50 },
      { perMainOrderYuan: CAP_LATER },
    ),
    consequence: {
      zh: '延迟发货须赔付买家（2023-06-07起单笔主订单理赔上限50元）',
      en: 'Late shipping compensates the buyer (capped at 50 yuan per main order since 2023-06-07)',
    },
  },
  {
    id: '1688.pickup',
    platform: 'alibaba1688',
    clock: 'pickup',
    title: { zh: '发货后揽收（防欺诈发货）', en: 'Pickup scan after shipping (fraudulent-shipping test)' },
    source: {
      kind: 'seed',
      file: SEED,
      section: '对于欺诈发货违规行为，每成交一笔子订单，商家需支付10元作为违约金（2023年6月7日生效）',
    },
    spec: { type: 'duration', from: ['shippedAt'], until: 'pickupScanAt' },
    versions: shippingVersions(PICKUP_HOURS, { perSubOrderYuan: 10 }, { perSubOrderYuan: FRAUD_LATER }),
    consequence: {
      zh: '可被判定为欺诈发货（2023-06-07起每笔子订单违约金10元）',
      en: 'May be judged fraudulent shipping (10 yuan per sub-order since 2023-06-07)',
    },
  },
  {
    id: '1688.reply-3min',
    platform: 'alibaba1688',
    clock: 'reply',
    title: { zh: '3分钟响应', en: '3-minute reply' },
    source: {
      kind: 'seed',
      file: SEED,
      section: '如商家店铺3分钟响应率低于50%，则自动启用平台机器人客服接待模式接待。本次变更2024年3月18日公示，于2024年3月25日生效',
    },
    spec: { type: 'case', subject: 'buyerMessages' },
    versions: [{ effectiveFrom: '2024-03-25', windowHours: 3 / 60 }],
    consequence: {
      zh: '3分钟响应率低于50%时平台机器人客服接管',
      en: "Below a 50 % 3-minute reply rate the platform's robot takes over customer service",
    },
  },
  {
    id: '1688.service-scores',
    platform: 'alibaba1688',
    clock: 'after-sales',
    title: { zh: '新灯塔物流体验分与纠纷体验分', en: 'New Lighthouse logistics and dispute scores' },
    source: {
      kind: 'seed',
      file: SEED,
      section: '1688新灯塔考核指标升级：本次规则更新于2024年11月27日公示，2024年12月5日生效',
    },
    spec: SHOP_CHECK,
    versions: [{ effectiveFrom: '2024-12-05' }],
    consequence: { zh: '影响商家在1688获得的权益', en: 'Affects the benefits the shop gets on 1688' },
  },
  // Any after-sales case the page lists: its displayed deadline, else an unverified window.
  unconfirmedAfterSalesRule('alibaba1688'),
];

export const alibaba1688Rules = rules.map(defineRule);
