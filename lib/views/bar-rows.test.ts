import { describe, expect, it } from 'vitest';
import { barFraction, barRowsLayout } from './bar-rows';
import { numberAxis } from './chart-axis';

describe('barRowsLayout', () => {
  it('puts each name above its bars, a wrapped name pushing its bars down', () => {
    const layout = barRowsLayout(['Black', 'American Indian or Alaska Native'], 2, {
      labelChars: 20, line: 14, bar: 12, barGap: 2, rowGap: 10, top: 4, axis: 24,
    });
    expect(layout.rows[0]).toEqual({ lines: ['Black'], top: 4, bars: [20, 34] });
    // 4 + 14 + 2 = 20; bars 20..46; next row at 46 + 10 = 56, two lines of name: bars at 56 + 28 + 2 = 86.
    expect(layout.rows[1]).toEqual({ lines: ['American Indian or', 'Alaska Native'], top: 56, bars: [86, 100] });
    expect(layout.plotBottom).toBe(122);
    expect(layout.height).toBe(146);
  });
});

describe('barFraction', () => {
  it('is the share of the axis, none for withheld or negative values', () => {
    expect(barFraction(25, 40)).toBe(0.625);
    expect(barFraction(null, 40)).toBe(0);
    expect(barFraction(-3, 40)).toBe(0);
    expect(barFraction(50, 40)).toBe(1);
  });
});

describe('numberAxis', () => {
  it('rounds the end up to a nice tick with exact decimal ticks', () => {
    expect(numberAxis(47.3)).toEqual({
      end: 50,
      ticks: [0, 10, 20, 30, 40, 50].map((value) => ({ value, at: value / 50 })),
    });
    expect(numberAxis(1.13).ticks.map((t) => t.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1.2]);
  });
});
