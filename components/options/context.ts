import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { translator, type Lang } from '@/utils/i18n';
import { optionsMessages } from './messages';
import type { OptionsStore, OptionsStoreHook } from './store';

export const OptionsStoreContext = createContext<OptionsStoreHook | null>(null);

export function useOptions<T>(select: (s: OptionsStore) => T): T {
  const store = useContext(OptionsStoreContext);
  if (!store) throw new Error('OptionsStoreContext missing');
  return useStore(store, select);
}

export function useLang(): Lang {
  return useOptions((s) => s.settings.lang);
}

export function useT() {
  return translator(optionsMessages, useLang());
}
