import type { Executor } from '@/db/client';
import { cachedPublic } from '@/lib/cache/public-cache';
import { computeAreaBurden, computeReachByGroup, toPublicArea, toPublicReach } from '@/lib/equity';
import { publicEquity } from '@/lib/equity/public';
import { loadSubjectLabels } from './board-review';

/**
 * A locality's equity goals and flags for a year, small counts already withheld, with the names of their subjects.
 * The same computation and cache entry as the equity API (publicEquity), so the pages and the API never disagree.
 */
export async function loadPublicEquityGoals(db: Executor, localityId: number, fiscalYear: number) {
  const [equity, labels] = await Promise.all([
    publicEquity(db, localityId, fiscalYear),
    cachedPublic(`subject-labels:${localityId}`, localityId, () => loadSubjectLabels(db, localityId)),
  ]);
  return { equity, labels };
}

/**
 * What the public equity page shows: the goals and flags (with the facts the page writes them from in the reader's
 * language), reach parity and deaths by area.
 */
export async function loadPublicEquityPanel(db: Executor, localityId: number, fiscalYear: number) {
  const [equity, labels, reach, areas] = await Promise.all([
    publicEquity(db, localityId, fiscalYear),
    cachedPublic(`subject-labels:${localityId}`, localityId, () => loadSubjectLabels(db, localityId)),
    cachedPublic(`reach:${localityId}:${fiscalYear}`, localityId, async () =>
      toPublicReach(await computeReachByGroup(db, localityId, fiscalYear)),
    ),
    cachedPublic(`areas:${localityId}:${fiscalYear}`, localityId, async () =>
      (await computeAreaBurden(db, localityId, fiscalYear)).map(toPublicArea),
    ),
  ]);
  return { equity, labels, reach, areas };
}
