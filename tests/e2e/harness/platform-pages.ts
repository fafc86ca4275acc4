import { FIXTURE_PAGES, type Fixture, type FixtureEntry, type FixtureOptions } from '@/tests/fixtures/pages';
import type { ServedPage } from './network';

/** Options for a served page; `now` is taken from the real clock each time the page is served. */
export type ServeOptions = Omit<FixtureOptions, 'now'>;

/** The fixture behind one served page, with the fixture generated at the last serve. */
export interface LivePlatformPage extends ServedPage {
  entry: FixtureEntry;
  /** The fixture as last served (orders and expectations at that moment); undefined until served. */
  last(): Fixture | undefined;
}

/**
 * One back office's order list at its real address. The fixture is generated when the browser asks
 * for it, relative to the real clock then, so the shipped extension runs unmodified.
 */
export function livePage(entry: FixtureEntry, opts: ServeOptions = {}, clock: () => number = Date.now): LivePlatformPage {
  let last: Fixture | undefined;
  return {
    entry,
    url: entry.url,
    html: () => {
      last = entry.fixture({ ...opts, now: clock() });
      return last.html;
    },
    last: () => last,
  };
}

/** The four back offices' order lists. */
export const livePages = (opts: ServeOptions = {}, clock?: () => number): LivePlatformPage[] =>
  FIXTURE_PAGES.map((entry) => livePage(entry, opts, clock));
