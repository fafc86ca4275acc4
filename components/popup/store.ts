import { create } from 'zustand';
import { browser } from 'wxt/browser';
import { PopupStateReplySchema, type ExtensionPageMessage, type PopupStateReply } from '@/utils/messages';
import type { Filters } from './view';

export type Send = (message: ExtensionPageMessage) => Promise<unknown>;

export interface PopupStore extends Filters {
  status: 'loading' | 'ready' | 'error';
  data?: PopupStateReply;
  error?: string;
  /** The ticking clock the countdowns read. */
  now: number;
  /** A short confirmation line (e.g. "order id copied"). */
  notice?: string;
  load(): Promise<void>;
  mark(key: string, action: 'ack' | 'snooze' | 'clear'): Promise<void>;
  tick(now: number): void;
  setFilters(f: Partial<Filters>): void;
  setNotice(notice: string | undefined): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The popup's state; `send` reaches the background (a fake in tests). */
export function createPopupStore(send: Send = (m) => browser.runtime.sendMessage(m), now = Date.now) {
  return create<PopupStore>()((set) => {
    /** Sends, validates the answer, and shows it, or the error state when the background fails. */
    async function request(message: ExtensionPageMessage): Promise<void> {
      try {
        const reply = PopupStateReplySchema.safeParse(await send(message));
        if (!reply.success) throw new Error('unexpected answer');
        set({ status: 'ready', data: reply.data, error: undefined, now: now() });
      } catch (error) {
        set({ status: 'error', error: describe(error) });
      }
    }
    return {
      status: 'loading',
      now: now(),
      platform: 'all',
      state: 'action',
      query: '',
      showHidden: false,
      load: () => request({ type: 'popup-state' }),
      mark: (key, action) => request({ type: 'mark', key, action }),
      tick: (at) => set({ now: at }),
      setFilters: (f) => set(f),
      setNotice: (notice) => set({ notice }),
    };
  });
}

export type PopupStoreHook = ReturnType<typeof createPopupStore>;
