import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { translator, type Lang } from '@/utils/i18n';
import { popupMessages } from './messages';
import type { PopupStore, PopupStoreHook } from './store';

export const PopupStoreContext = createContext<PopupStoreHook | null>(null);

export function usePopup<T>(select: (s: PopupStore) => T): T {
  const store = useContext(PopupStoreContext);
  if (!store) throw new Error('PopupStoreContext missing');
  return useStore(store, select);
}

export function useLang(): Lang {
  return usePopup((s) => s.data?.lang ?? 'zh');
}

export function useT() {
  return translator(popupMessages, useLang());
}
