'use client';

/**
 * The equity charts' SVG modules (with all of Recharts), loaded on demand through chart-frame.ts: a chart draws when
 * it comes near the screen or the page is printed. `loadEquityCharts` fetches them all, for the print button.
 */
import { createChartLoader } from '@/app/_components/chart-frame';
import type { AreaBurdenSvgProps } from './area-burden-svg';
import type { TrendChartSvgProps } from './goal-trend-svg';
import type { LocalityBurdenSvgProps } from './locality-burden-svg';
import type { ReachParitySvgProps } from './reach-parity-svg';

export const trendLoader = createChartLoader<TrendChartSvgProps>(() => import('./goal-trend-svg'));
export const reachLoader = createChartLoader<ReachParitySvgProps>(() => import('./reach-parity-svg'));
export const areaLoader = createChartLoader<AreaBurdenSvgProps>(() => import('./area-burden-svg'));
export const localityBurdenLoader = createChartLoader<LocalityBurdenSvgProps>(() => import('./locality-burden-svg'));

export function loadEquityCharts(): Promise<unknown> {
  return Promise.all([trendLoader.load(), reachLoader.load(), areaLoader.load(), localityBurdenLoader.load()]);
}
