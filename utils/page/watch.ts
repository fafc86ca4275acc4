import { isBadge } from '@/components/badge/badge';
import { observePage } from './page-observer';

/**
 * Watches the page for re-renders (tab switch, pagination, filters, recycled rows) and calls
 * `onChange` once things settle: debounced by `quietMs`, but never later than `maxWaitMs` after
 * the first change, so a page that never stops ticking still gets read. Our own badges' comings
 * and goings are not changes.
 */
export function watchMutations(
  target: Node,
  onChange: () => void,
  signal: AbortSignal,
  { quietMs = 150, maxWaitMs = 600 } = {},
): void {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clearTimeout(quiet);
    clearTimeout(deadline);
    quiet = deadline = undefined;
    if (!signal.aborted) onChange();
  };
  const ours = (r: MutationRecord) => r.type === 'attributes' && isBadge(r.target);
  observePage(
    target,
    (records) => {
      if (records.every(ours)) return;
      clearTimeout(quiet);
      quiet = setTimeout(fire, quietMs);
      deadline ??= setTimeout(fire, maxWaitMs);
    },
    signal,
  );
  signal.addEventListener('abort', () => {
    clearTimeout(quiet);
    clearTimeout(deadline);
  });
}
