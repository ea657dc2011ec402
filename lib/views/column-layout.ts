/**
 * Vertical bar charts laid out in columns (one per period), each column holding side-by-side bars, each bar a stack
 * of segments. Horizontal positions are fractions of the plot's width (the chart writes them as percentages);
 * vertical ones are pixels. Amounts are Numbers of cents: geometry only.
 */

/** Left edge and width, as fractions of the whole width, of bar `bar` of `bars` in column `column` of `columns`. */
export function columnBar(
  column: number,
  columns: number,
  bar: number,
  bars: number,
  { gutter = 0, share = 0.7, gap = 0.04 }: { gutter?: number; share?: number; gap?: number } = {},
): { x: number; width: number } {
  const columnWidth = (1 - gutter) / Math.max(1, columns);
  const used = share * columnWidth;
  const gapWidth = gap * columnWidth;
  const width = (used - gapWidth * (bars - 1)) / Math.max(1, bars);
  const x = gutter + column * columnWidth + (columnWidth - used) / 2 + bar * (width + gapWidth);
  return { x, width };
}

/** Stacked segments, bottom first: each one's top and height in pixels, for a plot `plot` px tall from `top`. */
export function stackSegments(values: readonly number[], maxValue: number, plot: number, top = 0): { y: number; height: number }[] {
  let stacked = 0;
  const y = (value: number) => top + plot - (plot * value) / Math.max(1, maxValue);
  return values.map((raw) => {
    const value = Number.isFinite(raw) && raw > 0 ? raw : 0;
    const upper = y(stacked + value);
    const lower = y(stacked);
    stacked += value;
    return { y: upper, height: lower - upper };
  });
}

/** The middle of column `column` of `columns` after a gutter, as a fraction of the width (a line chart's points). */
export function columnCentre(column: number, columns: number, gutter = 0): number {
  return gutter + ((column + 0.5) * (1 - gutter)) / Math.max(1, columns);
}

/** A line through the known points only: pairs of neighbouring indexes, a gap wherever a value is unknown. */
export function lineSegments(values: readonly (number | null)[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 1; i < values.length; i++) if (values[i - 1] != null && values[i] != null) pairs.push([i - 1, i]);
  return pairs;
}
