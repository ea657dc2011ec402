import { categoryGroup } from '@/lib/categories/localized';
import { summarizeFlows } from '@/lib/categories/summaries';
import type { SourceToGroup } from '@/lib/data/public-flows';
import type { ViewWords } from '@/lib/i18n/messages';

const SOURCE_COLOR = '#4a5568';
const NO_COLOR = '#6b7280';

export interface FlowViewNode {
  name: string;
  side: 'source' | 'group';
  color: string;
  cents: string;
}

export interface LocalityFlowView {
  /** Sources first, then groups in the framework's order. */
  nodes: FlowViewNode[];
  /** Indexes into nodes. */
  links: { source: number; target: number; cents: string }[];
  summary: string;
}

const total = (flows: readonly SourceToGroup[]) => flows.reduce((sum, f) => sum + f.allocatedCents, 0n);

/**
 * "Where the money came from and where it went": funding source → category group, as nodes and links. Group names
 * (of the framework `frameworkKey`) and the summary in the reader's words; a source keeps its own name.
 */
export function localityFlowView(
  flows: readonly SourceToGroup[],
  groupOrder: readonly string[],
  colors: Readonly<Record<string, string>>,
  fiscalYear: number,
  frameworkKey: string,
  words: ViewWords,
): LocalityFlowView {
  const groupName = (group: string) => categoryGroup(words.locale, frameworkKey, group);
  const sources = [...new Set(flows.map((f) => f.source))].map((name) => ({ name, cents: total(flows.filter((f) => f.source === name)) }));
  const groups = groupOrder
    .filter((g) => flows.some((f) => f.group === g))
    .map((name) => ({ name, cents: total(flows.filter((f) => f.group === name)) }));
  const sourceIndex = new Map(sources.map((s, i) => [s.name, i]));
  const groupIndex = new Map(groups.map((g, i) => [g.name, sources.length + i]));
  return {
    nodes: [
      ...sources.map((s) => ({ name: s.name, side: 'source' as const, color: SOURCE_COLOR, cents: s.cents.toString() })),
      ...groups.map((g) => ({ name: groupName(g.name), side: 'group' as const, color: colors[g.name] ?? NO_COLOR, cents: g.cents.toString() })),
    ],
    links: flows.map((f) => ({ source: sourceIndex.get(f.source) ?? -1, target: groupIndex.get(f.group) ?? -1, cents: f.allocatedCents.toString() })),
    summary: summarizeFlows(sources, groups.map((g) => ({ ...g, name: groupName(g.name) })), fiscalYear, words),
  };
}

/** Sources drawn by name in the diagram; the rest share one node (the table lists every source). */
export const DIAGRAM_SOURCES = 6;

/**
 * The diagram's nodes and links with the smaller sources folded into one "N other sources" node, so that fifteen
 * settlements do not become ninety crossing bands and a column of labels taller than the page. The largest
 * `keep - 1` sources stay by name when folding is needed; with `keep` or fewer sources nothing changes. The folded
 * node is named in the reader's words.
 */
export function foldSmallSources(
  view: Pick<LocalityFlowView, 'nodes' | 'links'>,
  words: ViewWords,
  keep = DIAGRAM_SOURCES,
): Pick<LocalityFlowView, 'nodes' | 'links'> {
  const sources = view.nodes.map((node, index) => ({ node, index })).filter(({ node }) => node.side === 'source');
  if (sources.length <= keep) return view;
  const byAmount = [...sources].sort((a, b) => {
    const [x, y] = [BigInt(a.node.cents), BigInt(b.node.cents)];
    return x === y ? a.index - b.index : x > y ? -1 : 1;
  });
  const kept = new Set(byAmount.slice(0, keep - 1).map(({ index }) => index));
  const named = sources.filter(({ index }) => kept.has(index));
  const folded = sources.filter(({ index }) => !kept.has(index));
  const groups = view.nodes.map((node, index) => ({ node, index })).filter(({ node }) => node.side === 'group');
  const nodes: FlowViewNode[] = [
    ...named.map(({ node }) => node),
    {
      name: words.t('LocalityView.otherSources', { count: folded.length }),
      side: 'source',
      color: folded[0]!.node.color,
      cents: folded.reduce((sum, { node }) => sum + BigInt(node.cents), 0n).toString(),
    },
    ...groups.map(({ node }) => node),
  ];
  // Old node index → new: the named sources in order, every folded one onto the "other" node, then the groups.
  const newIndex = new Map<number, number>([
    ...named.map(({ index }, i) => [index, i] as const),
    ...folded.map(({ index }) => [index, named.length] as const),
    ...groups.map(({ index }, i) => [index, named.length + 1 + i] as const),
  ]);
  // Links from folded sources into the same group become one.
  const merged = new Map<string, { source: number; target: number; cents: bigint }>();
  for (const link of view.links) {
    const source = newIndex.get(link.source);
    const target = newIndex.get(link.target);
    if (source === undefined || target === undefined) continue;
    const key = `${source}>${target}`;
    const entry = merged.get(key) ?? { source, target, cents: 0n };
    entry.cents += BigInt(link.cents);
    merged.set(key, entry);
  }
  return { nodes, links: [...merged.values()].map((l) => ({ source: l.source, target: l.target, cents: l.cents.toString() })) };
}

/**
 * The diagram's data table: one row per flow, largest first. A list, not a sources × groups cross-table: seven to
 * nine group columns do not fit a phone or a printed page.
 */
export function flowTableRows(view: Pick<LocalityFlowView, 'nodes' | 'links'>): { source: string; group: string; allocated: string }[] {
  return view.links.map((link) => ({
    source: view.nodes[link.source]?.name ?? '',
    group: view.nodes[link.target]?.name ?? '',
    allocated: link.cents,
  }));
}
