import { pinduoduoRules } from '@/policies/catalog/pinduoduo';
import { PLATFORM_PAGES } from '@/policies/platforms';
import { pinduoduoAdapter } from '@/utils/page/adapters/pinduoduo';
import { runContentScript } from '@/utils/page/content';
import { pinduoduoParsers } from '@/utils/page-data/pinduoduo';

export default defineContentScript({
  matches: PLATFORM_PAGES.pinduoduo.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, pinduoduoAdapter, pinduoduoRules, { pageData: pinduoduoParsers }),
});
