'use client';

import { useEffect, useState, useSyncExternalStore, type ComponentType, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * Lazy, visible-only chart drawing.
 *
 * A locality page has five charts; drawing them all while the page hydrated kept a phone's main thread busy for
 * seconds, and Recharts is the largest script on the page. So each chart's SVG lives in its own module (all of
 * Recharts with it), loaded on demand, and is drawn only when the chart comes near the screen. Figures, captions,
 * legends, summaries and data tables are server-rendered either way: nothing is hidden from readers or crawlers.
 *
 * Printing draws every chart: the modules are fetched as soon as the reader interacts with the page (a print is
 * always preceded by a key press or a pointer move), and `beforeprint` — or a change of the `print` media query,
 * which is what print previews and Playwright's emulateMedia report — draws synchronously, at a width measured on
 * the spot, so the chart is on the page before the browser lays it out for paper.
 */

export interface ChartLoader<P> {
  /** The component once its module has loaded, else null. */
  get(): ComponentType<P> | null;
  load(): Promise<unknown>;
  subscribe(onChange: () => void): () => void;
}

const loaders: ChartLoader<never>[] = [];

export function createChartLoader<P>(importer: () => Promise<{ default: ComponentType<P> }>): ChartLoader<P> {
  let component: ComponentType<P> | null = null;
  let pending: Promise<unknown> | null = null;
  const listeners = new Set<() => void>();
  const loader: ChartLoader<P> = {
    get: () => component,
    load: () =>
      (pending ??= importer().then(
        (module) => {
          component = module.default;
          for (const listener of listeners) listener();
        },
        (error: unknown) => {
          pending = null; // try again next time
          console.error(error);
        },
      )),
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  loaders.push(loader as ChartLoader<never>);
  return loader;
}

const INTENT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;
let intentListening = false;

/** Fetch every chart module at the reader's first interaction, so a print has them ready. */
function loadChartsOnIntent(): void {
  if (intentListening) return;
  intentListening = true;
  const onIntent = () => {
    for (const name of INTENT_EVENTS) window.removeEventListener(name, onIntent, true);
    for (const loader of loaders) void loader.load();
  };
  for (const name of INTENT_EVENTS) window.addEventListener(name, onIntent, { capture: true, passive: true });
}

/**
 * Returns the chart component and the width to draw it at, or null while the chart is off-screen or its module is
 * still loading.
 */
export function useChartFrame<P>(
  area: RefObject<HTMLElement | null>,
  loader: ChartLoader<P>,
): { Chart: ComponentType<P>; width: number } | null {
  const [width, setWidth] = useState(0);
  const Chart = useSyncExternalStore(loader.subscribe, loader.get, () => null);

  useEffect(() => {
    const element = area.current;
    if (!element) return;
    loadChartsOnIntent();
    const measure = () => Math.floor(element.getBoundingClientRect().width);
    let visible = false;
    const sizes = new ResizeObserver(() => {
      if (visible) setWidth(measure());
    });
    const show = () => {
      if (visible) return;
      visible = true;
      void loader.load();
      // Observing reports the current size at once (which draws the chart), then every change of width.
      sizes.observe(element);
    };
    const drawNow = () => {
      show();
      const now = measure();
      if (now > 0) flushSync(() => setWidth(now));
    };
    const print = window.matchMedia('print');
    const onPrint = () => {
      if (print.matches) drawNow();
    };
    print.addEventListener('change', onPrint);
    window.addEventListener('beforeprint', drawNow);
    // Already printing (or print-emulating) when the page hydrated: draw now.
    if (print.matches) show();
    const views = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) show();
      },
      { rootMargin: '300px 0px' },
    );
    views.observe(element);
    return () => {
      views.disconnect();
      sizes.disconnect();
      print.removeEventListener('change', onPrint);
      window.removeEventListener('beforeprint', drawNow);
    };
  }, [area, loader]);

  return Chart && width > 0 ? { Chart, width } : null;
}
