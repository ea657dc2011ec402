import type { Executor } from '@/db/client';
import { cachedPublic } from '@/lib/cache/public-cache';
import { computeAreaBurden, computeReachByGroup, toPublicArea, toPublicReach } from '@/lib/equity';
import { buildPublicEquity } from '@/lib/equity/public';
import { loadSubjectLabels } from './board-review';

/**
 * What the public locality page's equity panel shows, small counts already withheld. The goals use the same cache
 * key and shape as the equity API, so the page and the API never disagree.
 */
export async function loadPublicEquityPanel(db: Executor, localityId: number, fiscalYear: number) {
  const [equity, labels, reach, areas] = await Promise.all([
    cachedPublic(`api:equity:${localityId}:${fiscalYear}`, localityId, () => buildPublicEquity(db, localityId, fiscalYear)),
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
