import type { Executor } from '@/db/client';
import { cachedPublic } from '@/lib/cache/public-cache';
import { computeAreaBurden, computeReachByGroup, toPublicArea, toPublicReach } from '@/lib/equity';
import { buildPublicEquity, buildPublicEquityPage } from '@/lib/equity/public';
import { loadSubjectLabels } from './board-review';

/**
 * A locality's equity goals and flags for a year, small counts already withheld, with the names of their subjects.
 * Same cache key and shape as the equity API, so the pages and the API never disagree.
 */
export async function loadPublicEquityGoals(db: Executor, localityId: number, fiscalYear: number) {
  const [equity, labels] = await Promise.all([
    cachedPublic(`api:equity:${localityId}:${fiscalYear}`, localityId, () => buildPublicEquity(db, localityId, fiscalYear)),
    cachedPublic(`subject-labels:${localityId}`, localityId, () => loadSubjectLabels(db, localityId)),
  ]);
  return { equity, labels };
}

/**
 * What the public equity page shows: the goals and flags, reach parity and deaths by area. The flags carry their
 * facts, so the page can write them in the reader's language; cached under its own key, since the facts are not
 * part of the API's answer.
 */
export async function loadPublicEquityPanel(db: Executor, localityId: number, fiscalYear: number) {
  const [equity, labels, reach, areas] = await Promise.all([
    cachedPublic(`equity-page:${localityId}:${fiscalYear}`, localityId, () => buildPublicEquityPage(db, localityId, fiscalYear)),
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
