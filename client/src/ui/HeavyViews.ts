import { createContext, useContext } from 'react';

/**
 * Whether the heavy, lazily loaded views (state graph, curves, QR codes) are drawn. On in the
 * app; page tests in jsdom (no canvas, no layout) turn them off and see their placeholders.
 */
export const HeavyViewsContext = createContext(true);

export function useHeavyViews(): boolean {
  return useContext(HeavyViewsContext);
}
