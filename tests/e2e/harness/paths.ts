import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** The build the test command made: `SHOUYUE_OUT_DIR` when set (as wxt.config.ts honours it), else .output. */
export const OUT_DIR = resolve(REPO_ROOT, process.env.SHOUYUE_OUT_DIR ?? '.output');
export const CHROME_BUILD = resolve(OUT_DIR, 'chrome-mv3');
export const FIREFOX_BUILD = resolve(OUT_DIR, 'firefox-mv2');

/** Git-ignored: screenshots to look at after a run. */
export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'tests/e2e/screenshots');
