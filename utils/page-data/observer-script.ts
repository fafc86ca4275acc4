import { PLATFORM_PAGES, type Platform } from '@/policies/platforms';
import { installObserver } from './observe';

/**
 * The definition of a platform's main-world observer content script. It must run at
 * document_start, before the page's own code keeps a reference to the original fetch.
 */
export function observerScript(platform: Platform) {
  return {
    matches: PLATFORM_PAGES[platform].matches,
    world: 'MAIN' as const,
    runAt: 'document_start' as const,
    main() {
      installObserver(platform);
    },
  };
}
