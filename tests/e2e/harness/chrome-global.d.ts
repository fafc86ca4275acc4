import type { Browser } from '@wxt-dev/browser';

// Code the e2e tests evaluate inside the extension's own contexts uses the real `chrome` global.
declare global {
  const chrome: typeof Browser;
}
