import { douyinRules } from '@/policies/catalog/douyin';
import { PLATFORM_PAGES } from '@/policies/platforms';
import { douyinAdapter } from '@/utils/page/adapters/douyin';
import { runContentScript } from '@/utils/page/content';
import { douyinParsers } from '@/utils/page-data/douyin';

export default defineContentScript({
  matches: PLATFORM_PAGES.douyin.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, douyinAdapter, douyinRules, { pageData: douyinParsers }),
});
