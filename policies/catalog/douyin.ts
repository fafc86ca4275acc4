import { defineRule, defineSetting, type RuleInput, type RuleVersion } from '../rule';
import { AFTER_RECEIPT_SPEC, defaultShipHours, PLATFORMS_MD, SHIP_SPEC, SHOP_CHECK } from './common';

/** 抖店 Douyin: 安心购 services (seed 001) and the shipping / after-sales rules (seed 002). */

const SEED_ANXINGOU = '001_014cfff03355c971.txt';
const SEED_38 = '002_bab456b3bdef9544.txt';

/** 安心购 launched 2021-08-10, revised 2022-08-25 and 2023-02-08 (seed 001); revisions keep these numbers. */
function anxingouVersions(params: Omit<RuleVersion, 'effectiveFrom' | 'effectiveTo' | 'note'>): RuleVersion[] {
  return [
    { effectiveFrom: '2021-08-10', ...params, note: { zh: '安心购上线', en: '安心购 launched' } },
    { effectiveFrom: '2022-08-25', ...params, note: { zh: '《安心购服务规范》修订', en: 'service rules revised' } },
    { effectiveFrom: '2023-02-08', ...params, note: { zh: '《安心购服务规范》最新修订', en: 'latest revision' } },
  ];
}

const SHIP_HOURS = defaultShipHours('douyin');

const SAME_DAY_CUTOFF = defineSetting({
  id: 'douyin.sameDayCutoffHour',
  title: { zh: '当日发截单时间（点，中国时间）', en: 'Same-day shipping cutoff hour (China time)' },
  value: 16,
  unit: 'hour-of-day',
  min: 0,
  max: 24,
  source: `${PLATFORMS_MD}: "commonly quoted as orders paid before 16:00 ship the same day"`,
  verified: false,
});

const AFTER_SALES_HOURS = defineSetting({
  id: 'douyin.afterSalesHours',
  title: {
    zh: '售后处理时限（页面未显示逾期时间时，小时）',
    en: 'After-sales response window when the page shows no deadline (hours)',
  },
  value: 48,
  unit: 'hours',
  min: 1,
  max: 30 * 24,
  source: `${SEED_38} 4.2.1 refers to 《商家售后服务管理规范》 without numbers; ${PLATFORMS_MD} lists after-sales timers as unconfirmed`,
  verified: false,
});

const TICKET_HOURS = defineSetting({
  id: 'douyin.serviceTicketHours',
  title: {
    zh: '服务单回复时限（页面未显示时，小时）',
    en: 'Service-ticket reply window when the page shows no deadline (hours)',
  },
  value: 24,
  unit: 'hours',
  min: 1,
  max: 30 * 24,
  source: `${SEED_38} 4.2.4 says "在平台规定时效内" without a number`,
  verified: false,
});

const TRACKING_HOURS = defineSetting({
  id: 'douyin.trackingUpdateHours',
  title: { zh: '物流轨迹更新间隔上限（小时）', en: 'Longest gap between tracking updates (hours)' },
  value: 48,
  unit: 'hours',
  min: 1,
  max: 30 * 24,
  source: `${SEED_38} 4.1.3 says updates must be "与日常保持一致" without a number`,
  verified: false,
});

const SHIP_PENALTY = {
  zh: '发货超时：按《商家发货行为管理规则》判罚',
  en: 'Late shipping: penalised under the shipping behaviour rules',
};
const AFTER_SALES_PENALTY = {
  zh: '按《商家违规行为管理规则》4.1 违背服务承诺处理（全球购 4.1.2 售后超时）',
  en: 'Violation under rule 4.1 "breaking a service promise" (Global: 4.1.2 after-sales timeout)',
};
const BUYER_WINDOW = { zh: '买家权益期，仅作提示，不算商家超时', en: "Buyer's window: information only, not a merchant breach" };

const rules: RuleInput[] = [
  {
    id: 'douyin.ship',
    platform: 'douyin',
    clock: 'ship',
    title: { zh: '发货时效', en: 'Shipping deadline' },
    source: { kind: 'seed', file: SEED_38, section: '4.1.1 发货时效要求：现货发货模式，其发货时效同日常考核标准' },
    spec: SHIP_SPEC,
    versions: [{ windowHours: SHIP_HOURS }],
    consequence: SHIP_PENALTY,
  },
  {
    id: 'douyin.same-day',
    platform: 'douyin',
    clock: 'ship',
    title: { zh: '当日发', en: 'Same-day shipping' },
    source: { kind: 'seed', file: SEED_ANXINGOU, section: '還有“當日發”、“24小時發”2項可選服務' },
    appliesTo: { services: ['same-day-ship'], shopPromise: 'sameDayShip' },
    spec: { type: 'same-day-cutoff', from: ['paidAt'], until: 'shippedAt', platformDeadline: 'shipBy' },
    versions: anxingouVersions({ cutoffHour: SAME_DAY_CUTOFF }),
    consequence: { zh: '违背当日发服务承诺', en: 'Breaks the same-day shipping promise' },
  },
  {
    id: 'douyin.ship-24h',
    platform: 'douyin',
    clock: 'ship',
    title: { zh: '24小时发', en: '24-hour shipping' },
    source: { kind: 'seed', file: SEED_ANXINGOU, section: '還有“當日發”、“24小時發”2項可選服務' },
    appliesTo: { services: ['ship-24h'], shopPromise: 'ship24h' },
    spec: SHIP_SPEC,
    versions: anxingouVersions({ windowHours: 24 }),
    consequence: { zh: '违背24小时发服务承诺', en: 'Breaks the 24-hour shipping promise' },
  },
  {
    id: 'douyin.pickup',
    platform: 'douyin',
    clock: 'pickup',
    title: { zh: '揽收时效', en: 'Carrier pickup scan' },
    source: {
      kind: 'seed',
      file: SEED_38,
      section: '4.1.2 揽收时效要求：揽收时效要求为24小时，即在发货后的24小时内该物流单号在相应物流公司官网有第一条物流揽件信息（仅针对小店平台商家）',
    },
    appliesTo: { crossBorder: 'exclude' },
    spec: { type: 'duration', from: ['shippedAt'], until: 'pickupScanAt' },
    versions: [{ windowHours: 24 }],
    consequence: { zh: '揽收超时判罚', en: 'Late pickup scan penalty (揽收超时)' },
  },
  {
    id: 'douyin.hub',
    platform: 'douyin',
    clock: 'hub',
    title: { zh: '首个分拨中心（虚假发货判定）', en: 'First sorting hub (fake-shipping test)' },
    source: {
      kind: 'seed',
      file: SEED_38,
      section: '4.1.3 虚假发货判定标准：自相应物流公司官网出现首条揽收信息至到达/离开首个分拨中心的时间间隔要求为24小时',
    },
    spec: { type: 'duration', from: ['pickupScanAt'], until: 'firstHubAt' },
    versions: [{ windowHours: 24 }],
    consequence: { zh: '虚假发货超时判罚', en: 'Fake-shipping penalty (虚假发货超时)' },
  },
  {
    id: 'douyin.tracking-update',
    platform: 'douyin',
    clock: 'tracking',
    title: { zh: '物流轨迹更新', en: 'Tracking updates' },
    source: {
      kind: 'seed',
      file: SEED_38,
      section: '4.1.3 商家上传的订单物流单号在相应物流公司官网物流轨迹更新时长与日常保持一致',
    },
    spec: { type: 'duration', from: ['lastTrackingAt'], until: 'receivedAt' },
    versions: [{ windowHours: TRACKING_HOURS }],
    consequence: { zh: '可被判定为虚假发货', en: 'May be judged fake shipping' },
  },
  {
    id: 'douyin.after-sales',
    platform: 'douyin',
    clock: 'after-sales',
    title: { zh: '售后时效', en: 'After-sales response' },
    source: {
      kind: 'seed',
      file: SEED_38,
      section: '4.2.3 商家收到消费者发起的售后申请或签收退货后，须按照《商家售后服务管理规范》要求，对用户发起的申请进行响应',
    },
    spec: { type: 'case', subject: 'afterSales' },
    versions: [{ windowHours: AFTER_SALES_HOURS }],
    consequence: AFTER_SALES_PENALTY,
  },
  {
    id: 'douyin.service-ticket',
    platform: 'douyin',
    clock: 'service-ticket',
    title: { zh: '平台服务单回复', en: 'Platform service ticket reply' },
    source: {
      kind: 'seed',
      file: SEED_38,
      section: '4.2.4 当平台依据用户诉求向商家发送服务单后，商家须配合处理，并在平台规定时效内有效回复平台客服发送的服务单',
    },
    spec: { type: 'case', subject: 'serviceTickets' },
    versions: [{ windowHours: TICKET_HOURS }],
    consequence: AFTER_SALES_PENALTY,
  },
  {
    id: 'douyin.return-7d',
    platform: 'douyin',
    clock: 'buyer-window',
    title: { zh: '七天无理由退货（买家权益期）', en: '7-day no-reason return (buyer window)' },
    source: { kind: 'seed', file: SEED_ANXINGOU, section: '必須提供“正品保障”、“七天無理由退貨”…在內的5項服務' },
    appliesTo: { services: ['seven-day-return'] },
    spec: AFTER_RECEIPT_SPEC,
    informational: true,
    versions: anxingouVersions({ windowHours: 7 * 24 }),
    consequence: BUYER_WINDOW,
  },
  {
    id: 'douyin.fresh-spoilage',
    platform: 'douyin',
    clock: 'buyer-window',
    title: { zh: '生鲜坏单包赔（买家权益期）', en: 'Fresh-food spoilage claim (buyer window)' },
    source: { kind: 'seed', file: SEED_ANXINGOU, section: '用戶可分別在簽收後的24小時內和60天內聯系商家，審核通過後可獲得相應賠付' },
    appliesTo: { services: ['fresh-spoilage'] },
    spec: AFTER_RECEIPT_SPEC,
    informational: true,
    versions: anxingouVersions({ windowHours: 24 }),
    consequence: BUYER_WINDOW,
  },
  {
    id: 'douyin.cosmetics-allergy',
    platform: 'douyin',
    clock: 'buyer-window',
    title: { zh: '美妆过敏包退（买家权益期）', en: 'Cosmetics allergy return (buyer window)' },
    source: { kind: 'seed', file: SEED_ANXINGOU, section: '用戶可分別在簽收後的24小時內和60天內聯系商家，審核通過後可獲得相應賠付' },
    appliesTo: { services: ['cosmetics-allergy'] },
    spec: AFTER_RECEIPT_SPEC,
    informational: true,
    versions: anxingouVersions({ windowHours: 60 * 24 }),
    consequence: BUYER_WINDOW,
  },
  {
    id: 'douyin.return-address',
    platform: 'douyin',
    clock: 'after-sales',
    title: { zh: '退货地址与售后联系方式有效', en: 'Valid return address and after-sales contact' },
    source: {
      kind: 'seed',
      file: SEED_38,
      section: '4.2.2 商家须在后台预留准确的退货地址和联系方式，并保证真实有效',
    },
    spec: SHOP_CHECK,
    versions: [{}],
    consequence: {
      zh: '按《商家违规行为管理规则》4.1 违背服务承诺处理（全球购 4.1.4 异常售后地址及信息）',
      en: 'Violation under rule 4.1 (Global: 4.1.4 abnormal after-sales address)',
    },
  },
  {
    id: 'douyin.filing',
    platform: 'douyin',
    clock: 'ship',
    title: { zh: '不可抗力报备', en: 'Force-majeure filing' },
    source: {
      kind: 'seed',
      file: SEED_38,
      section: '温馨提示：商家可通过抖店后台-保障中心-报备中心线上发起…报备，经平台评估后予以通过的，免除判罚或调整新考核时效',
    },
    spec: { type: 'checklist', scope: 'order' },
    versions: [{}],
    consequence: {
      zh: '报备通过：免除判罚或调整考核时效（守约按报备结果显示“已报备”或新时限）',
      en: 'Approved filing waives the penalty or moves the deadline (shown as Filed or the new deadline)',
    },
  },
];

export const douyinRules = rules.map(defineRule);
