import { storeContext } from '@/components/common/store-context';
import { translator, type Lang } from '@/utils/i18n';
import { optionsMessages } from './messages';
import type { OptionsStore } from './store';

export const { StoreProvider: OptionsStoreProvider, useSelect: useOptions } = storeContext<OptionsStore>('options');

export function useLang(): Lang {
  return useOptions((s) => s.settings.lang);
}

export function useT() {
  return translator(optionsMessages, useLang());
}
