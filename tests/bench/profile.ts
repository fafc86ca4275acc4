import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { fmt, percentile, table } from './stats';

/**
 * A CPU profile (CDP Profiler) of a page phase: the time the extension's code was on the stack
 * (its own functions and the DOM work they call, async continuations included, which a trace's
 * FunctionCall events miss), and, with `--profile`, its functions ranked by self and total time.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** With SHOUYUE_BENCH_TRACES=<dir>, each phase's CPU profile is also written there. */
let profileCount = 0;

/** A function by name and place in the bundle. */
const frameName = ({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame'], origin: string) =>
  `${functionName || '(anonymous)'} ${url.slice(origin.length)}:${lineNumber + 1}:${columnNumber + 1}`;

/** The profiler's asked sampling interval: fine enough to rank functions and time short tasks. */
export const FINE_SAMPLING_US = 100;

/**
 * Each sample interrupts the sampled thread (and the sampler competes for the 2 cores): at 100 µs
 * the profiler adds its own CPU time to the thread's. Rounds that measure the thread's CPU sample
 * ten times less, just enough to tell which tasks ran the extension's code.
 */
export const COARSE_SAMPLING_US = 1000;

export async function startProfile(cdp: CDPSession, intervalUs = FINE_SAMPLING_US): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

export interface ProfileSample {
  at: number;
  whose: 'extension' | 'page' | 'engine';
}

/** Frames that stand for no script: the engine's own work. */
const ENGINE_FRAMES = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

export interface ProfileResult {
  /**
   * The extension's CPU time: each sample with an extension frame on the stack counts for the time
   * since the previous sample, at most twice the profile's median interval — a longer gap is time
   * the thread spent off the CPU (2 cores shared by the browser, the worker, the page and the
   * sampler), not work.
   */
  extensionMs: number;
  /** Wall time with an extension frame on the stack, gaps included: an upper bound. */
  extensionWallMs: number;
  /** The median sampling interval this profile achieved (asked: 100 µs). */
  intervalUs: number;
  /**
   * Every sample's time (µs, the trace's clock) and whose code it found on the stack: the
   * extension's, the page's own script, or neither (the engine's own work: GC, compiling, tasks).
   */
  samples: ProfileSample[];
  /** The extension's functions by self and by total time (bundle positions; unminified with --profile). */
  top: string;
}

/** Stops the profiler; attributes samples to the extension's functions (url under `origin`). */
export async function stopProfile(cdp: CDPSession, origin: string, top = 15): Promise<ProfileResult> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const dir = process.env.SHOUYUE_BENCH_TRACES;
  if (dir) writeFileSync(join(dir, `profile-${++profileCount}.json`), JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const intervalUs = percentile(profile.timeDeltas, 50);
  let extensionUs = 0;
  let extensionWallUs = 0;
  const total = new Map<string, number>();
  const samples: ProfileSample[] = [];
  let at = profile.startTime;
  const name = (n: ProfileNode) => frameName(n.callFrame, origin);
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const wall = profile.timeDeltas[i + 1] ?? 0;
    const us = Math.min(wall, 2 * intervalUs);
    const leaf = byId.get(id);
    if (!leaf) return;
    let whose: ProfileSample['whose'] = 'engine';
    // Self time goes to the innermost extension frame (DOM/builtins it calls count as its own).
    const seen = new Set<string>();
    let selfGiven = false;
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      if (!n.callFrame.url.startsWith(origin)) {
        if (whose === 'engine' && !ENGINE_FRAMES.has(n.callFrame.functionName)) whose = 'page';
        continue;
      }
      whose = 'extension';
      const key = name(n);
      if (!selfGiven) {
        self.set(key, (self.get(key) ?? 0) + us);
        extensionUs += us;
        extensionWallUs += wall;
        selfGiven = true;
      }
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + us), seen.add(key);
    }
    samples.push({ at, whose });
  });
  // Ranked by self time (where the time goes) and by total time (which step it belongs to).
  const rank = (by: Map<string, number>) =>
    table(
      ['function (bundle position)', 'self ms', 'total ms'],
      [...by]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k]) => [k, fmt((self.get(k) ?? 0) / 1000, 1), fmt((total.get(k) ?? 0) / 1000, 1)]),
    );
  return { extensionMs: extensionUs / 1000, extensionWallMs: extensionWallUs / 1000, intervalUs, samples, top: `by self time\n\n${rank(self)}\n\nby total time\n\n${rank(total)}` };
}

interface SamplingHeapNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: SamplingHeapNode[];
}

/**
 * Starts sampling allocations (CDP HeapProfiler): what the next phase allocates and keeps, or with
 * `collected` everything it allocates (the garbage collector's work).
 */
export async function startHeapSampling(cdp: CDPSession, collected = false): Promise<void> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: collected, includeObjectsCollectedByMinorGC: collected });
}

/**
 * Stops sampling after a full GC: the bytes sampled (alive, or all with `collected`), by the
 * innermost extension function that allocated them (the rest: the page's), ranked.
 */
export async function stopHeapSampling(cdp: CDPSession, origin: string, top = 15): Promise<string> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { profile } = (await cdp.send('HeapProfiler.getSamplingProfile')) as unknown as { profile: { head: SamplingHeapNode } };
  await cdp.send('HeapProfiler.stopSampling');
  const bytes = new Map<string, number>();
  const visit = (n: SamplingHeapNode, owner: string) => {
    const own = n.callFrame.url.startsWith(origin) ? frameName(n.callFrame, origin) : owner;
    bytes.set(own, (bytes.get(own) ?? 0) + n.selfSize);
    for (const c of n.children) visit(c, own);
  };
  visit(profile.head, '(not the extension)');
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  const row = (k: string, v: number) => [k, fmt(v / 1024, 0), `${fmt((100 * v) / total, 0)} %`];
  return table(
    ['allocated by (bundle position)', 'KB', 'share'],
    [
      row('(the extension, all its functions)', total - (bytes.get('(not the extension)') ?? 0)),
      ...[...bytes]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k, v]) => row(k, v)),
    ],
  );
}
