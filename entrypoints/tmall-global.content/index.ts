import { tmallGlobalRules } from '@/policies/catalog/tmallGlobal';
import { PLATFORM_PAGES } from '@/policies/platforms';
import { tmallGlobalAdapter } from '@/utils/page/adapters/tmall-global';
import { runContentScript } from '@/utils/page/content';
import { tmallParsers } from '@/utils/page-data/tmall';

export default defineContentScript({
  matches: PLATFORM_PAGES.tmallGlobal.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, tmallGlobalAdapter, tmallGlobalRules, { pageData: tmallParsers }),
});
