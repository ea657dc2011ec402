/**
 * Horizontal bar charts with one row per category: the category's name on its own line(s) above its bars, wrapped
 * whole between words (never clipped, never ellipsed), then `bars` bars one under the other. Vertical positions are
 * pixels; bar lengths are fractions of the axis (the chart writes them as percentages of its width).
 */

import { wrapWords } from './chart-axis';

export interface BarRowsOptions {
  labelChars?: number;
  line?: number;
  bar?: number;
  barGap?: number;
  rowGap?: number;
  top?: number;
  /** Room below the last row for the value axis' labels. */
  axis?: number;
}

export interface BarRow {
  lines: string[];
  /** Top of the name's first line. */
  top: number;
  /** Top of each bar. */
  bars: number[];
}

export function barRowsLayout(labels: readonly string[], bars: number, options: BarRowsOptions = {}): { height: number; plotBottom: number; rows: BarRow[] } {
  const { labelChars = 42, line = 14, bar = 12, barGap = 2, rowGap = 10, top: start = 4, axis = 24 } = options;
  let top = start;
  const rows = labels.map((label) => {
    const lines = wrapWords(label, labelChars);
    const barsTop = top + lines.length * line + 2;
    const row = { lines, top, bars: Array.from({ length: bars }, (_, i) => barsTop + i * (bar + barGap)) };
    top = barsTop + bars * bar + (bars - 1) * barGap + rowGap;
    return row;
  });
  return { height: top + axis, plotBottom: top, rows };
}

/** The length of a bar as a fraction of the axis: 0 for a negative, unknown or non-finite value, at most 1. */
export function barFraction(value: number | null, axisEnd: number): number {
  if (value === null || !Number.isFinite(value) || value <= 0 || !(axisEnd > 0)) return 0;
  return Math.min(1, value / axisEnd);
}
