import { describe, expect, it } from 'vitest';
import { columnBar, columnCentre, lineSegments, stackSegments } from './column-layout';

describe('columnBar', () => {
  it('puts two bars side by side in the middle of their column, after the gutter', () => {
    // 2 columns of 0.4 after a 0.2 gutter; bars use 0.5 of a column (0.2) with a 0.1 gap (0.04): 0.08 each.
    const left = columnBar(1, 2, 0, 2, { gutter: 0.2, share: 0.5, gap: 0.1 });
    const right = columnBar(1, 2, 1, 2, { gutter: 0.2, share: 0.5, gap: 0.1 });
    expect(left.x).toBeCloseTo(0.7, 10);
    expect(left.width).toBeCloseTo(0.08, 10);
    expect(right.x).toBeCloseTo(0.82, 10);
    expect(right.x + right.width).toBeCloseTo(0.9, 10);
  });
});

describe('stackSegments', () => {
  it('stacks from the bottom of the plot, a negative value drawing nothing', () => {
    expect(stackSegments([25, -5, 50], 100, 200, 10)).toEqual([
      { y: 160, height: 50 },
      { y: 160, height: 0 },
      { y: 60, height: 100 },
    ]);
  });
});

describe('columnCentre and lineSegments', () => {
  it('places points mid-column after the gutter', () => {
    expect(columnCentre(0, 4, 0.2)).toBeCloseTo(0.3, 10);
    expect(columnCentre(3, 4, 0.2)).toBeCloseTo(0.9, 10);
  });

  it('joins only neighbours that are both known', () => {
    expect(lineSegments([1, 2, null, 4, 5, 6])).toEqual([
      [0, 1],
      [3, 4],
      [4, 5],
    ]);
  });
});
