export { evaluate, type EvaluateOptions } from './evaluate';
export { nextTransitionAt, summarize, type StateCounts, type Summary } from './summary';
export { criticalMs, dueSoonMs } from './thresholds';
