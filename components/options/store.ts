import { create } from 'zustand';
import { browser } from 'wxt/browser';
import { loadSettings } from '@/utils/background/store';
import type { ExtensionPageMessage } from '@/utils/messages';
import { ExtensionSettingsSchema, type ExtensionSettings } from '@/utils/settings';
import { settingsItem } from '@/utils/storage';

export interface OptionsDeps {
  load(): Promise<unknown>;
  save(settings: ExtensionSettings): Promise<void>;
  send(message: ExtensionPageMessage): Promise<unknown>;
}

const browserDeps: OptionsDeps = {
  load: () => settingsItem.getValue(),
  save: (s) => settingsItem.setValue(s),
  send: (m) => browser.runtime.sendMessage(m),
};

export type Notice = { kind: 'ok' | 'error'; key: 'saved' | 'saveFailed' | 'deleted' | 'deleteFailed'; error?: string };

export interface OptionsStore {
  status: 'loading' | 'ready';
  settings: ExtensionSettings;
  notice?: Notice;
  load(): Promise<void>;
  /** Validates and saves at once, then tells the background, which recomputes. */
  update(change: (s: ExtensionSettings) => ExtensionSettings): Promise<void>;
  deleteAll(): Promise<void>;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createOptionsStore(deps: OptionsDeps = browserDeps) {
  return create<OptionsStore>()((set, get) => ({
    status: 'loading',
    settings: ExtensionSettingsSchema.parse({}),
    async load() {
      // A damaged stored field shows its default here; the background reports and repairs it.
      set({ status: 'ready', settings: loadSettings(await deps.load(), []) });
    },
    async update(change) {
      const parsed = ExtensionSettingsSchema.safeParse(change(get().settings));
      if (!parsed.success) {
        set({ notice: { kind: 'error', key: 'saveFailed', error: parsed.error.issues[0]?.message } });
        return;
      }
      set({ settings: parsed.data });
      try {
        await deps.save(parsed.data);
        set({ notice: { kind: 'ok', key: 'saved' } });
        // Saved: the background reads them and recomputes now (it keeps a copy of what it last read).
        await deps.send({ type: 'settings-changed' }).catch(() => undefined);
      } catch (error) {
        set({ notice: { kind: 'error', key: 'saveFailed', error: describe(error) } });
      }
    },
    async deleteAll() {
      try {
        const reply = (await deps.send({ type: 'delete-all-data' })) as { ok?: boolean; error?: string } | undefined;
        if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
        set({ notice: { kind: 'ok', key: 'deleted' } });
      } catch (error) {
        set({ notice: { kind: 'error', key: 'deleteFailed', error: describe(error) } });
      }
    },
  }));
}

export type OptionsStoreHook = ReturnType<typeof createOptionsStore>;
