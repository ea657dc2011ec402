/**
 * Layout of the flow diagram (funding source → category group): two columns of stacked bars joined by bands.
 *
 * Vertical positions are pixels. Each node has a slot at least as tall as its label (`labelLines` lines of `line`
 * px), so labels never overlap; its bar is `cents × scale` tall (at least `minBar`) and centred in the slot. Both
 * columns share one scale, so a dollar is the same height on either side. A band leaves its source at the next free
 * offset in that bar and arrives at the next free offset in its target's bar, in the order of the other end, so bands
 * cross as little as the order of the nodes allows. Band paths are drawn in a box 100 wide (x 0 = the source column,
 * 100 = the target column) and `height` tall: the chart stretches that box to its width.
 *
 * Amounts are Numbers of cents here: geometry only, never labels.
 */

export interface SankeyNodeInput {
  side: 'source' | 'group';
  cents: number;
  /** Lines its label takes. */
  labelLines: number;
}

export interface SankeyLinkInput {
  source: number;
  target: number;
  cents: number;
}

export interface SankeyLayoutOptions {
  /** Pixels for the taller column's bars. */
  barSpace?: number;
  line?: number;
  gap?: number;
  minBar?: number;
  top?: number;
}

export interface SankeyNodeBox {
  index: number;
  side: 'source' | 'group';
  /** Top of the node's slot, where its label block is centred. */
  slotTop: number;
  slotHeight: number;
  barTop: number;
  barHeight: number;
}

export interface SankeyBand {
  link: number;
  source: number;
  target: number;
  /** Top of the band at the source and at the target, and its thickness. */
  y0: number;
  y1: number;
  thickness: number;
  /** The band as a closed path in the 100-wide box. */
  d: string;
}

export interface SankeyLayout {
  height: number;
  nodes: SankeyNodeBox[];
  bands: SankeyBand[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A band between two columns: a cubic Bézier top edge, straight down, the bottom edge back. */
export function bandPath(y0: number, y1: number, thickness: number): string {
  const [a, b, t] = [round(y0), round(y1), round(thickness)];
  return `M0,${a} C50,${a} 50,${b} 100,${b} L100,${round(b + t)} C50,${round(b + t)} 50,${round(a + t)} 0,${round(a + t)} Z`;
}

export function sankeyLayout(nodes: readonly SankeyNodeInput[], links: readonly SankeyLinkInput[], options: SankeyLayoutOptions = {}): SankeyLayout {
  const { barSpace = 200, line = 15, gap = 12, minBar = 2, top = 4 } = options;
  const positive = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);
  const total = (side: 'source' | 'group') => nodes.filter((n) => n.side === side).reduce((sum, n) => sum + positive(n.cents), 0);
  const scale = barSpace / Math.max(1, total('source'), total('group'));

  const boxes: SankeyNodeBox[] = [];
  const bottom = { source: top, group: top };
  nodes.forEach((node, index) => {
    const barHeight = Math.max(minBar, positive(node.cents) * scale);
    const slotHeight = Math.max(barHeight, node.labelLines * line);
    const slotTop = bottom[node.side];
    // Rounded to a hundredth of a pixel: the page's HTML is counted, and 16 digits say no more than 2.
    boxes.push({
      index,
      side: node.side,
      slotTop: round(slotTop),
      slotHeight: round(slotHeight),
      barTop: round(slotTop + (slotHeight - barHeight) / 2),
      barHeight: round(barHeight),
    });
    bottom[node.side] = slotTop + slotHeight + gap;
  });

  const used = new Map<number, number>();
  const offset = (node: number, thickness: number) => {
    const at = used.get(node) ?? 0;
    used.set(node, at + thickness);
    return (boxes[node]?.barTop ?? 0) + at;
  };
  const order = links.map((link, i) => ({ link, i }));
  const y0 = new Map<number, number>();
  for (const { link, i } of [...order].sort((a, b) => a.link.source - b.link.source || a.link.target - b.link.target)) {
    y0.set(i, offset(link.source, positive(link.cents) * scale));
  }
  const bands: SankeyBand[] = [];
  for (const { link, i } of [...order].sort((a, b) => a.link.target - b.link.target || a.link.source - b.link.source)) {
    const thickness = positive(link.cents) * scale;
    const start = y0.get(i) ?? 0;
    const end = offset(link.target, thickness);
    bands.push({ link: i, source: link.source, target: link.target, y0: start, y1: end, thickness, d: bandPath(start, end, thickness) });
  }
  bands.sort((a, b) => a.link - b.link);
  return { height: Math.ceil(Math.max(bottom.source, bottom.group) - gap + top), nodes: boxes, bands };
}
