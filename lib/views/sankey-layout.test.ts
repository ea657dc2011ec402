import { describe, expect, it } from 'vitest';
import { bandPath, sankeyLayout } from './sankey-layout';

describe('sankeyLayout', () => {
  const nodes = [
    { side: 'source' as const, cents: 300, labelLines: 2 },
    { side: 'source' as const, cents: 100, labelLines: 2 },
    { side: 'group' as const, cents: 400, labelLines: 1 },
  ];
  const links = [
    { source: 0, target: 2, cents: 300 },
    { source: 1, target: 2, cents: 100 },
  ];

  it('sizes bars on one scale and centres each in a slot at least as tall as its label', () => {
    const layout = sankeyLayout(nodes, links, { barSpace: 200, line: 15, gap: 10, top: 0 });
    // 200 px for the 400 cents of the taller column: 0.5 px a cent.
    expect(layout.nodes[0]).toMatchObject({ slotTop: 0, slotHeight: 150, barTop: 0, barHeight: 150 });
    expect(layout.nodes[1]).toMatchObject({ slotTop: 160, slotHeight: 50, barTop: 160, barHeight: 50 });
    expect(layout.nodes[2]).toMatchObject({ slotTop: 0, slotHeight: 200, barTop: 0, barHeight: 200 });
    expect(layout.height).toBe(210);
  });

  it('gives a small node the room its label needs', () => {
    const layout = sankeyLayout([{ side: 'source', cents: 1, labelLines: 3 }, { side: 'group', cents: 1000, labelLines: 1 }], [], {
      barSpace: 100, line: 15, minBar: 2, top: 0,
    });
    expect(layout.nodes[0]).toMatchObject({ slotHeight: 45, barHeight: 2, barTop: 21.5 });
  });

  it('stacks bands in each bar in the order of their other end', () => {
    const layout = sankeyLayout(nodes, links, { barSpace: 200, line: 15, gap: 10, top: 0 });
    expect(layout.bands.map((b) => [b.y0, b.y1, b.thickness])).toEqual([
      [0, 0, 150],
      [160, 150, 50],
    ]);
  });
});

describe('bandPath', () => {
  it('draws the top edge out and the bottom edge back as Béziers in a 100-wide box', () => {
    expect(bandPath(10, 40, 5)).toBe('M0,10 C50,10 50,40 100,40 L100,45 C50,45 50,15 0,15 Z');
  });
});
