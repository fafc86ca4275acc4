import { xiaohongshuRules } from '@/policies/catalog/xiaohongshu';
import { PLATFORM_PAGES } from '@/policies/platforms';
import { xiaohongshuAdapter } from '@/utils/page/adapters/xiaohongshu';
import { runContentScript } from '@/utils/page/content';
import { xiaohongshuParsers } from '@/utils/page-data/xiaohongshu';

export default defineContentScript({
  matches: PLATFORM_PAGES.xiaohongshu.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, xiaohongshuAdapter, xiaohongshuRules, { pageData: xiaohongshuParsers }),
});
