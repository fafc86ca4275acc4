import type { Platform } from '@/policies/platforms';
import type { PageAdapter } from '../adapter';
import { alibaba1688Adapter } from './alibaba1688';
import { douyinAdapter } from './douyin';
import { kuaishouAdapter } from './kuaishou';
import { pinduoduoAdapter } from './pinduoduo';
import { tmallGlobalAdapter } from './tmall-global';
import { xiaohongshuAdapter } from './xiaohongshu';

/** Every adapter, for tests and tools; each content script imports only its own platform's file. */
export const ADAPTERS: Partial<Record<Platform, PageAdapter>> = {
  douyin: douyinAdapter,
  kuaishou: kuaishouAdapter,
  alibaba1688: alibaba1688Adapter,
  tmallGlobal: tmallGlobalAdapter,
  pinduoduo: pinduoduoAdapter,
  xiaohongshu: xiaohongshuAdapter,
};
