import { alibaba1688Rules } from '@/policies/catalog/alibaba1688';
import { PLATFORM_PAGES } from '@/policies/platforms';
import { alibaba1688Adapter } from '@/utils/page/adapters/alibaba1688';
import { runContentScript } from '@/utils/page/content';

export default defineContentScript({
  matches: PLATFORM_PAGES.alibaba1688.matches,
  runAt: 'document_idle',
  // The list is server-rendered HTML: there is no list JSON to join.
  main: (ctx) => runContentScript(ctx, alibaba1688Adapter, alibaba1688Rules, {}),
});
