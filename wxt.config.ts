import { defineConfig } from 'wxt';
import { PLATFORM_PAGES } from './policies/platforms';

export default defineConfig({
  // Tests and benchmarks may build into their own folder so parallel runs don't collide.
  outDir: process.env.SHOUYUE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  // `npm run bench -- --profile` builds unminified so CPU profiles name our functions.
  vite: () => ({ build: { minify: process.env.SHOUYUE_MINIFY === '0' ? false : undefined } }),
  // The add-on store's sources archive: no test screenshots or benchmark results (git ignores them too).
  zip: { excludeSources: ['tests/e2e/screenshots/**', 'tests/bench/results/**', 'bench/results/**', 'artifacts/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    action: { default_title: '__MSG_actionTitle__' },
    permissions: ['storage', 'alarms', 'notifications'],
    // The merchant back offices only: needed to find and focus an open order page.
    host_permissions: Object.values(PLATFORM_PAGES).flatMap((p) => p.matches),
    // Firefox-only keys; Chrome warns about keys it does not know.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'shouyue@shouyue.app',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
