import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';

/** A React context carrying one zustand store (created per page, a fake one in tests). */
export function storeContext<S>(name: string) {
  const Context = createContext<StoreApi<S> | null>(null);
  function StoreProvider({ store, children }: { store: StoreApi<S>; children: ReactNode }) {
    return createElement(Context.Provider, { value: store }, children);
  }
  function useSelect<T>(select: (s: S) => T): T {
    const store = useContext(Context);
    if (!store) throw new Error(`${name} store missing`);
    return useStore(store, select);
  }
  return { StoreProvider, useSelect };
}
