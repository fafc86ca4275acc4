import type { Page } from 'playwright-core';

/**
 * A stand-in task: the page's own script doing a fixed, small amount of work (a loop that
 * allocates nothing, so it starts no garbage collection) every PROBE_EVERY_MS during the first
 * read. Its wall time is that work plus the time the machine kept the thread from running it: what
 * any task, ours included, can take on this machine then, however little it does. Run with the
 * extension and without it, with the same work.
 */

/** The probe's work, measured on the idle page: about a third of the extension's 8 ms slice. */
export const PROBE_WORK_MS = 3;
/** How often it runs: 3 % of one core, little next to the page's and the extension's work. */
export const PROBE_EVERY_MS = 100;

const SPIN = `(n) => { let x = 1; for (let i = 0; i < n; i++) x = Math.imul(x ^ i, 2654435761) >>> 0; return x; }`;

/** Loop iterations that take PROBE_WORK_MS on the idle page (the fastest of 20 tries, once compiled). */
const CALIBRATE = `(() => {
  const spin = ${SPIN};
  const n = 200000;
  window.__probeSink = spin(n);
  let best = Infinity;
  for (let k = 0; k < 20; k++) {
    const t = performance.now();
    window.__probeSink = spin(n);
    best = Math.min(best, performance.now() - t);
  }
  return Math.round((n * ${PROBE_WORK_MS}) / Math.max(best, 0.1));
})()`;

const START = (iterations: number) => `(() => {
  const spin = ${SPIN};
  const probe = (window.__probe = { walls: [], stopped: false });
  const run = () => {
    if (probe.stopped) return;
    const t = performance.now();
    window.__probeSink = spin(${iterations});
    probe.walls.push(performance.now() - t);
    setTimeout(run, ${PROBE_EVERY_MS});
  };
  setTimeout(run, 0);
})()`;

const STOP = `(() => {
  window.__probe.stopped = true;
  return window.__probe.walls;
})()`;

export interface ProbeStats {
  runs: number;
  longestMs: number;
  over50Ms: number;
}

export const calibrateProbe = (page: Page): Promise<number> => page.evaluate(CALIBRATE) as Promise<number>;

/** Starts the probe; the returned function stops it and reports its runs. */
export async function startProbe(page: Page, iterations: number): Promise<() => Promise<ProbeStats>> {
  await page.evaluate(START(iterations));
  return async () => {
    const walls = (await page.evaluate(STOP)) as number[];
    return { runs: walls.length, longestMs: Math.max(0, ...walls), over50Ms: walls.filter((w) => w > 50).length };
  };
}
