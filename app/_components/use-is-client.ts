'use client';

import { useSyncExternalStore } from 'react';

const subscribeNoop = () => () => {};

/**
 * Client-only rendering gate without setState-in-effect: false on the server and during hydration, true afterwards.
 * Charts draw their SVG (which measures the DOM) only after mount, in a placeholder of the same height, so server
 * and client HTML match.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNoop,
    () => true,
    () => false,
  );
}
