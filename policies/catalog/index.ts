import type { Catalog } from '../rule';
import { alibaba1688Rules } from './alibaba1688';
import { douyinRules } from './douyin';
import { kuaishouRules } from './kuaishou';
import { pinduoduoRules } from './pinduoduo';
import { tmallGlobalRules } from './tmallGlobal';
import { xiaohongshuRules } from './xiaohongshu';

/**
 * The whole rule catalog. Adding a platform: write policies/catalog/<platform>.ts exporting its
 * rules (see douyin.ts), then add one line here.
 */
export const CATALOG: Catalog = [
  ...douyinRules,
  ...kuaishouRules,
  ...alibaba1688Rules,
  ...tmallGlobalRules,
  ...pinduoduoRules,
  ...xiaohongshuRules,
];

export { catalogSettings } from '../rule';
