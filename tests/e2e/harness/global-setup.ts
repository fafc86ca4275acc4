import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, FIREFOX_PATH } from './browsers';
import { CHROME_BUILD, FIREFOX_BUILD } from './paths';

/** Fails fast, with the command that fixes it, when the build or a browser is missing. */
export default function setup(): void {
  const missing: string[] = [];
  if (!existsSync(CHROME_BUILD) || !existsSync(FIREFOX_BUILD)) missing.push(`the builds in ${CHROME_BUILD} and ${FIREFOX_BUILD} (npm run build:all)`);
  if (!existsSync(CHROMIUM_PATH)) missing.push(`${CHROMIUM_PATH} (apt-get install -y chromium)`);
  if (!existsSync(FIREFOX_PATH)) missing.push(`${FIREFOX_PATH} (apt-get install -y firefox-esr)`);
  if (missing.length) throw new Error(`e2e tests need:\n  ${missing.join('\n  ')}`);
}
