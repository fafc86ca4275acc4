import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../harness/browsers';

const APT_PACKAGES = ['chromium', 'fonts-wqy-microhei'];
const APT_COMMAND = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;

function hasCjkFont(): boolean {
  try {
    return /wqy|noto (sans|serif) cjk|source han/i.test(execSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

/**
 * Chromium (and a font that can draw Chinese) from Debian's packages: installed here when running
 * as root, otherwise the exact command to run is printed and the demo stops.
 */
export function ensureChromium(): void {
  const missingBrowser = !existsSync(CHROMIUM_PATH);
  const missingFont = !hasCjkFont();
  if (!missingBrowser && !missingFont) return;
  const what = [missingBrowser && CHROMIUM_PATH, missingFont && 'a Chinese font'].filter(Boolean).join(' and ');
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing ${what}: ${APT_COMMAND}`);
    const run = spawnSync('sh', ['-c', APT_COMMAND], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status === 0 && existsSync(CHROMIUM_PATH)) return;
    throw new Error(`Installing Chromium failed; run as root: ${APT_COMMAND}`);
  }
  if (missingBrowser) {
    console.error(`The demo needs Chromium at ${CHROMIUM_PATH}. Install it, then run npm run demo again:\n\n  sudo ${APT_COMMAND}\n\n(or set CHROMIUM_PATH to another Chromium or Chrome).`);
    process.exit(1);
  }
  console.warn(`No Chinese font found: screenshots will show boxes. Install one with:\n  sudo apt-get install -y fonts-wqy-microhei`);
}
