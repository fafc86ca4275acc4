import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time used by each kind of Chromium process of one browser, by the benchmark itself and by the
 * whole machine, read from Linux's /proc. A task of the page waits for a core when the other
 * processes hold both: this tells whose work they were doing (the extension's worker, the browser
 * process storing what the worker wrote, the page's renderer, the benchmark's own polling).
 */

/** One kernel clock tick, the unit /proc counts CPU time in (`getconf CLK_TCK` is 100 on every Linux this runs on). */
const CLOCK_TICK_MS = 10;

export const PROCESS_KINDS = ['page renderer', 'extension renderer', 'browser', 'gpu', 'utility', 'other chromium'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

export const perKind = (value: (kind: ProcessKind) => number) => Object.fromEntries(PROCESS_KINDS.map((k) => [k, value(k)])) as Record<ProcessKind, number>;

export interface CpuReading {
  /** CPU time so far by process kind (ms). */
  byKind: Record<ProcessKind, number>;
  /** This benchmark's own process (ms). */
  benchmark: number;
  /** Busy time of all cores of the machine, every process (ms). */
  machineBusy: number;
  /** Wall clock (ms). */
  at: number;
}

export type CpuUsed = Omit<CpuReading, 'at'> & { wall: number };

const readText = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended meanwhile
  }
};

interface Proc {
  pid: number;
  parent: number;
  cpuMs: number;
  /** Chromium's child processes rewrite their command line as one space-joined string: split both ways. */
  args: string[];
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readText(`/proc/${name}/stat`);
    const cmdline = readText(`/proc/${name}/cmdline`);
    if (!stat || cmdline === undefined) continue;
    // Fields after the command name in parentheses (which may itself hold spaces or parentheses).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.push({ pid: Number(name), parent: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS, args: cmdline.split(/[\0 ]/) });
  }
  return out;
}

function kindOf(args: readonly string[]): ProcessKind {
  const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
  if (type === undefined) return 'browser';
  if (type === 'renderer') return args.includes('--extension-process') ? 'extension renderer' : 'page renderer';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'utility') return 'utility';
  return 'other chromium';
}

function machineBusyMs(): number {
  const cpu = readText('/proc/stat')?.split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  return cpu.reduce((s, v, i) => (i === 3 || i === 4 ? s : s + v), 0) * CLOCK_TICK_MS;
}

/** What the browser started with this user-data directory, and everything it started, have used so far. */
export function readCpu(userDataDir: string): CpuReading {
  const all = processes();
  const root = all.find((p) => p.args.includes(`--user-data-dir=${userDataDir}`) && !p.args.some((a) => a.startsWith('--type=')));
  const byKind = perKind(() => 0);
  const ours = new Set(root ? [root.pid] : []);
  // Parents come before children often but not always (pids wrap): repeat until nothing is added.
  for (let added = true; added; ) {
    added = false;
    for (const p of all) if (!ours.has(p.pid) && ours.has(p.parent)) (ours.add(p.pid), (added = true));
  }
  for (const p of all) if (ours.has(p.pid)) byKind[kindOf(p.args)] += p.cpuMs;
  const self = process.cpuUsage();
  return { byKind, benchmark: (self.user + self.system) / 1000, machineBusy: machineBusyMs(), at: performance.now() };
}

export function cpuBetween(before: CpuReading, after: CpuReading): CpuUsed {
  const byKind = perKind((k) => after.byKind[k] - before.byKind[k]);
  return { byKind, benchmark: after.benchmark - before.benchmark, machineBusy: after.machineBusy - before.machineBusy, wall: after.at - before.at };
}
