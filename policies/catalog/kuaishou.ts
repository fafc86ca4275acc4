import { defineRule, defineSetting, type RuleInput } from '../rule';
import { defaultShipHours, ORDER_CHECK, PLATFORMS_MD, SHIP_SPEC, unconfirmedAfterSalesRule } from './common';

/** 快手小店 Kuaishou: the live-pet dispute standard (seed 004, 2022-07) and the daily ship clock. */

const SEED_PETS = '004_32a17c4ba0b2dca3.txt';
const PETS: RuleInput['appliesTo'] = { categories: ['pets-live'] };
const PETS_FROM = '2022-07-23';
const FULL_REFUND = { zh: '买家有权拒收，商户应全额退款', en: 'The buyer may refuse; the merchant must refund in full' };

const PET_DELIVERY_FROM = defineSetting({
  id: 'kuaishou.petDeliveryFrom',
  title: { zh: '宠物7天配送的起算点', en: 'Pet 7-day delivery counts from' },
  value: 0,
  unit: 'choice',
  choices: [
    { zh: '付款（更严格，提醒更早）', en: 'payment (stricter: earlier warning)' },
    { zh: '发货', en: 'shipment' },
  ],
  min: 0,
  max: 1,
  source: `${SEED_PETS} does not say from which event the 7 days run; RULES.md: count from payment by default`,
  verified: false,
});

const rules: RuleInput[] = [
  {
    id: 'kuaishou.ship',
    platform: 'kuaishou',
    clock: 'ship',
    title: { zh: '发货时效', en: 'Shipping deadline' },
    source: {
      kind: 'public-rule',
      where: `${PLATFORMS_MD}: promiseTimeStampOfDelivery / validPromiseShipmentTimeStamp, after a delay filing sellerDelayPromiseTimeStamp`,
    },
    spec: SHIP_SPEC,
    versions: [{ windowHours: defaultShipHours('kuaishou') }],
    consequence: { zh: '发货超时判罚', en: 'Late shipping penalty' },
  },
  {
    id: 'kuaishou.pet-delivery-7d',
    platform: 'kuaishou',
    clock: 'delivery',
    title: { zh: '宠物活体7天内完成配送', en: 'Live pets delivered within 7 days' },
    source: {
      kind: 'seed',
      file: SEED_PETS,
      section: '应在7天内为买家完成配送，交易双方就配送周期另有约定的以约定时间为准',
    },
    appliesTo: PETS,
    spec: {
      type: 'duration',
      from: ['paidAt', 'shippedAt'],
      fromChoice: PET_DELIVERY_FROM,
      until: 'receivedAt',
      agreedPeriodReplaces: true,
    },
    versions: [{ effectiveFrom: PETS_FROM, windowHours: 7 * 24 }],
    consequence: FULL_REFUND,
  },
  {
    id: 'kuaishou.tracking-stall',
    platform: 'kuaishou',
    clock: 'tracking',
    title: { zh: '物流停滞72小时须24小时内说明', en: 'Tracking stall: explain within 24 h after 72 h' },
    source: {
      kind: 'seed',
      file: SEED_PETS,
      section: '如商品在配送途中出现物流停滞（超72小时无流转信息）情况，商户应在24小时内，提供物流停滞原因和联系快递处理的结果',
    },
    appliesTo: PETS,
    // The stall starts 72 h after the last update; the explanation is due 24 h later.
    spec: { type: 'duration', from: ['lastTrackingAt'], until: 'receivedAt' },
    versions: [{ effectiveFrom: PETS_FROM, windowHours: 72 + 24 }],
    consequence: FULL_REFUND,
  },
  {
    id: 'kuaishou.pet-confirm',
    platform: 'kuaishou',
    clock: 'ship',
    title: { zh: '下单后联系买家确认宠物信息', en: 'Confirm the pet details with the buyer after the order' },
    source: {
      kind: 'seed',
      file: SEED_PETS,
      section: '买家下单后商户须联系确认商品信息，包括且不限于宠物身份信息（芯片码或鼻纹信息等）、疫苗接种情况、出生日期、年龄、性别、品种、血统证明以及其他费用等',
    },
    appliesTo: PETS,
    spec: ORDER_CHECK,
    versions: [{ effectiveFrom: PETS_FROM }],
    consequence: { zh: '纠纷处理时对商户不利', en: 'Counts against the merchant in a dispute' },
  },
  {
    id: 'kuaishou.pet-delivery-standard',
    platform: 'kuaishou',
    clock: 'ship',
    title: { zh: '发货前告知宠物交付标准', en: 'Tell the delivery standard before shipping' },
    source: {
      kind: 'seed',
      file: SEED_PETS,
      section: '商户发货前须通过客服消息告知买家宠物交付标准，例如宠物全面体检和排畸、宠物全面视频、发货时间、包装视频、运输方式和预计到货时间区间',
    },
    appliesTo: PETS,
    spec: ORDER_CHECK,
    versions: [{ effectiveFrom: PETS_FROM }],
    consequence: { zh: '纠纷处理时对商户不利', en: 'Counts against the merchant in a dispute' },
  },
  {
    id: 'kuaishou.pet-cancel-before-ship',
    platform: 'kuaishou',
    clock: 'ship',
    title: { zh: '买家发货前取消：取得同意后再发货', en: 'Buyer cancels before shipment: ship only with consent' },
    source: {
      kind: 'seed',
      file: SEED_PETS,
      section: '买家在商户发货前取消订单，应在取得同意后再发货，否则要求退货退款的，商户应向买家全额退款',
    },
    appliesTo: PETS,
    spec: ORDER_CHECK,
    versions: [{ effectiveFrom: PETS_FROM }],
    consequence: { zh: '买家要求退货退款时须全额退款', en: 'Full refund when the buyer asks to return' },
  },
  // Any after-sales case the page lists: its displayed deadline, else an unverified window.
  unconfirmedAfterSalesRule('kuaishou'),
];

export const kuaishouRules = rules.map(defineRule);
