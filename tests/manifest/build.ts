import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export type Target = 'chrome-mv3' | 'firefox-mv2' | 'firefox-mv3';

const FLAGS: Record<Target, string[]> = {
  'chrome-mv3': [],
  'firefox-mv2': ['-b', 'firefox'],
  'firefox-mv3': ['-b', 'firefox', '--mv3'],
};

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds the extension into its own folder (SHOUYUE_OUT_DIR) so that tests and benchmarks never
 * read, or clobber, a build someone else is making in `.output`. Returns the target's directory.
 */
export function buildExtension(target: Target, outDir: string): string {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build', ...FLAGS[target]], {
    cwd: ROOT,
    env: { ...process.env, SHOUYUE_OUT_DIR: outDir },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`wxt build ${target} failed:\n${run.stdout}\n${run.stderr}`);
  return join(outDir, target);
}
