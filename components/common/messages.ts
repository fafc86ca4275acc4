import { defineMessages } from '@/utils/i18n';

/** Words shared by the popup, the options page and notifications. */
export const commonMessages = defineMessages(
  {
    appName: '守约',
    'platform.douyin': '抖店',
    'platform.kuaishou': '快手小店',
    'platform.alibaba1688': '1688',
    'platform.tmallGlobal': '天猫全球购',
    'platform.pinduoduo': '拼多多',
    'platform.xiaohongshu': '小红书',
    chinaTime: '北京时间',
    yuan: '¥{amount}',
  },
  {
    appName: 'Shouyue',
    'platform.douyin': 'Douyin',
    'platform.kuaishou': 'Kuaishou',
    'platform.alibaba1688': '1688',
    'platform.tmallGlobal': 'Tmall Global',
    'platform.pinduoduo': 'Pinduoduo',
    'platform.xiaohongshu': 'Xiaohongshu',
    chinaTime: 'China time',
    yuan: '¥{amount}',
  },
);
