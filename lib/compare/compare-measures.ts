/**
 * The amounts the compare page and the map rank localities by: received, allocated and spent in the fiscal year,
 * and the spending that went to each health-first group (the groups the share chart splits by). Each has a key that
 * travels in the URL (`?measure=spent-harm-reduction`), so the choosers are plain links.
 */
export type AmountKind = 'received' | 'allocated' | 'spent';

export interface MeasureAmounts {
  receivedCents: bigint;
  allocatedCents: bigint;
  spentCents: bigint;
  /** Spent cents per health-first group name; a group missing here had no spending. */
  spentByGroup: ReadonlyMap<string, bigint>;
}

export interface Measure {
  key: string;
  /** "Spent", "Spent on Harm reduction": English, for machines and logs; pages word it with measure-words.ts. */
  label: string;
  /** The health-first group of a "spent on" measure (its name as the reference data writes it); absent otherwise. */
  group?: string;
  amount: (row: MeasureAmounts) => bigint;
}

export const DEFAULT_MEASURE_KEY = 'spent';

const AMOUNT_MEASURES: Measure[] = [
  { key: 'received', label: 'Received', amount: (row) => row.receivedCents },
  { key: 'allocated', label: 'Allocated', amount: (row) => row.allocatedCents },
  { key: 'spent', label: 'Spent', amount: (row) => row.spentCents },
];

/** The measures of the map: money per resident, whole amounts only. */
export const MAP_MEASURES: readonly Measure[] = AMOUNT_MEASURES;

export function groupMeasureKey(group: string): string {
  const slug = group
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `spent-${slug}`;
}

/** Received, allocated, spent, then the spending on each group, in the order given. */
export function compareMeasures(groups: readonly string[]): Measure[] {
  return [
    ...AMOUNT_MEASURES,
    ...groups.map((group) => ({
      key: groupMeasureKey(group),
      label: `Spent on ${group}`,
      group,
      amount: (row: MeasureAmounts) => row.spentByGroup.get(group) ?? 0n,
    })),
  ];
}

/** The measure a query names, or the default (spent) for anything else. */
export function chooseMeasure(measures: readonly Measure[], requested: string | string[] | undefined): Measure {
  const key = typeof requested === 'string' ? requested : undefined;
  return measures.find((m) => m.key === key) ?? measures.find((m) => m.key === DEFAULT_MEASURE_KEY) ?? measures[0]!;
}
