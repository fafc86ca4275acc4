import { startBackground } from '@/utils/background/worker';

export default defineBackground({
  // Firefox MV2: an event page, unloaded when idle like Chrome's service worker.
  persistent: false,
  main: startBackground,
});
