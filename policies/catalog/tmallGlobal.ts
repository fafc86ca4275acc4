import { defineRule, type RuleInput } from '../rule';
import { AFTER_RECEIPT_SPEC, defaultShipHours, PLATFORMS_MD, SHIP_SPEC, SHOP_CHECK, unconfirmedAfterSalesRule } from './common';

/** 天猫全球购 Tmall Global: the quality-promise plan (seed 000, announced 2022-02-12, rolled out by 2022-09). */

const SEED = '000_e9abbe5663951055.txt';
const CLAIM_60D = '顾客在标着皮肤过敏包退、红屁股包退标志的店面内购买商品，查收产品60日内，应用全过程中发音过敏状况，商家承诺48小時内解决';
const ROLLOUT = { zh: '2022-02-12发布，预计2022年9月中下旬完成审批', en: 'announced 2022-02-12, shops approved by late 2022-09' };
const BUYER_WINDOW = { zh: '买家权益期，仅作提示，不算商家超时', en: "Buyer's window: information only, not a merchant breach" };
const PROMISE_BROKEN = { zh: '违背品质保障服务承诺', en: 'Breaks the quality-promise service' };

const rules: RuleInput[] = [
  {
    id: 'tmall.ship',
    platform: 'tmallGlobal',
    clock: 'ship',
    title: { zh: '发货时效', en: 'Shipping deadline' },
    source: { kind: 'public-rule', where: `${PLATFORMS_MD}: Taobao TOP est_con_time per sub-order` },
    spec: SHIP_SPEC,
    versions: [{ windowHours: defaultShipHours('tmallGlobal') }],
    consequence: { zh: '发货超时判罚', en: 'Late shipping penalty' },
  },
  {
    id: 'tmall.allergy-window',
    platform: 'tmallGlobal',
    clock: 'buyer-window',
    title: { zh: '皮肤过敏包退（买家60天权益期）', en: 'Skin-allergy return (60-day buyer window)' },
    source: { kind: 'seed', file: SEED, section: CLAIM_60D },
    appliesTo: { services: ['cosmetics-allergy'] },
    spec: AFTER_RECEIPT_SPEC,
    informational: true,
    versions: [{ windowHours: 60 * 24, note: ROLLOUT }],
    consequence: BUYER_WINDOW,
  },
  {
    id: 'tmall.allergy-return',
    platform: 'tmallGlobal',
    clock: 'after-sales',
    title: { zh: '皮肤过敏包退：48小时内解决', en: 'Skin-allergy return: resolve within 48 h' },
    source: { kind: 'seed', file: SEED, section: CLAIM_60D },
    spec: { type: 'case', subject: 'afterSales', kinds: ['allergy-claim'] },
    versions: [{ windowHours: 48, note: ROLLOUT }],
    consequence: PROMISE_BROKEN,
  },
  {
    id: 'tmall.diaper-rash-window',
    platform: 'tmallGlobal',
    clock: 'buyer-window',
    title: { zh: '红屁股包退（买家60天权益期）', en: 'Diaper-rash return (60-day buyer window)' },
    source: { kind: 'seed', file: SEED, section: CLAIM_60D },
    appliesTo: { services: ['diaper-rash'] },
    spec: AFTER_RECEIPT_SPEC,
    informational: true,
    versions: [{ windowHours: 60 * 24, note: ROLLOUT }],
    consequence: BUYER_WINDOW,
  },
  {
    id: 'tmall.diaper-rash',
    platform: 'tmallGlobal',
    clock: 'after-sales',
    title: { zh: '红屁股包退：48小时内解决', en: 'Diaper-rash return: resolve within 48 h' },
    source: { kind: 'seed', file: SEED, section: CLAIM_60D },
    spec: { type: 'case', subject: 'afterSales', kinds: ['diaper-rash-claim'] },
    versions: [{ windowHours: 48, note: ROLLOUT }],
    consequence: PROMISE_BROKEN,
  },
  {
    id: 'tmall.damage-return',
    platform: 'tmallGlobal',
    clock: 'buyer-window',
    title: { zh: '损坏包退（买家72小时权益期）', en: 'Damage return (72-hour buyer window)' },
    source: {
      kind: 'seed',
      file: SEED,
      section: '损坏包退则是顾客在查收72钟头内发觉商品包装损坏进行消费者维权申请办理，可享有极速保障服务项目',
    },
    appliesTo: { services: ['damage-return'] },
    spec: AFTER_RECEIPT_SPEC,
    informational: true,
    versions: [{ windowHours: 72, note: ROLLOUT }],
    consequence: BUYER_WINDOW,
  },
  {
    id: 'tmall.brand-authorisation',
    platform: 'tmallGlobal',
    clock: 'after-sales',
    title: { zh: '品牌授权资质在有效期内', en: 'Brand authorisation within its validity' },
    source: {
      kind: 'seed',
      file: SEED,
      section: '资质证书受权务必在有效期限范畴内，商家需立即升级将要过期的资质证书受权',
    },
    spec: SHOP_CHECK,
    versions: [{ note: ROLLOUT }],
    consequence: { zh: '不符合正品保障要求', en: 'Fails the genuine-goods requirement' },
  },
  {
    id: 'tmall.health-certification',
    platform: 'tmallGlobal',
    clock: 'after-sales',
    title: { zh: '保健品国外权威认证标注', en: 'Health products: foreign certification shown' },
    source: {
      kind: 'seed',
      file: SEED,
      section: '商家所卖产品须根据国外权威认证验证，并标出验证表明，包括机构以及表明、网址、验证內容、质量检验报告重要页等信息内容',
    },
    appliesTo: { categories: ['health'] },
    spec: SHOP_CHECK,
    versions: [{ note: ROLLOUT }],
    consequence: { zh: '不符合品质保障承诺计划', en: 'Fails the quality-promise plan' },
  },
  // Any other after-sales case the page lists: its displayed deadline, else an unverified window.
  unconfirmedAfterSalesRule('tmallGlobal', { except: ['allergy-claim', 'diaper-rash-claim'] }),
];

export const tmallGlobalRules = rules.map(defineRule);
