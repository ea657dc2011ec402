/**
 * Compare rows for the view tests, built the way listCompareLocalities builds them (measureRatios), so a test of a
 * view reads the same ratios a page does.
 */
import { compareMeasures } from '@/lib/compare/compare-measures';
import { measureRatios, publicDeaths } from '@/lib/compare/compare-ratios';
import type { CompareLocality } from '@/lib/data/public-compare';

export const TEST_GROUPS = ['Harm reduction', 'Treatment', 'Criminal-legal', 'Other'];

export function compareRow(
  slug: string,
  figures: {
    received?: bigint;
    allocated?: bigint;
    spent?: bigint;
    groups?: Record<string, bigint>;
    residents?: number | null;
    residentsFrom?: 'year' | 'locality';
    deaths?: number | null;
    source?: string;
    fips?: string | null;
    parentFips?: string | null;
    kind?: CompareLocality['kind'];
  },
): CompareLocality {
  const amounts = {
    receivedCents: figures.received ?? 0n,
    allocatedCents: figures.allocated ?? 0n,
    spentCents: figures.spent ?? 0n,
    spentByGroup: new Map(Object.entries(figures.groups ?? {})),
  };
  const residents = figures.residents === undefined ? 1_000 : figures.residents;
  const deaths = figures.deaths === undefined ? null : figures.deaths;
  return {
    id: slug.length,
    slug,
    name: slug.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`),
    kind: figures.kind ?? 'county',
    stateCode: 'NC',
    fips: figures.fips ?? null,
    parentFips: figures.parentFips ?? null,
    ...amounts,
    residents,
    residentsFrom: residents === null ? null : (figures.residentsFrom ?? 'year'),
    deaths: publicDeaths(deaths),
    contextSource: figures.source ?? '',
    ratios: measureRatios(compareMeasures(TEST_GROUPS), amounts, residents, deaths),
  };
}
