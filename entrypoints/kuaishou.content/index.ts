import { kuaishouRules } from '@/policies/catalog/kuaishou';
import { PLATFORM_PAGES } from '@/policies/platforms';
import { kuaishouAdapter } from '@/utils/page/adapters/kuaishou';
import { runContentScript } from '@/utils/page/content';
import { kuaishouParsers } from '@/utils/page-data/kuaishou';

export default defineContentScript({
  matches: PLATFORM_PAGES.kuaishou.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, kuaishouAdapter, kuaishouRules, { pageData: kuaishouParsers }),
});
