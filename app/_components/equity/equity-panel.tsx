// Server-compatible (no 'use client'): the public equity panel of a locality page. It takes the PUBLIC shape that
// `publicEquity` (lib/equity/public.ts) returns — the JSON of GET /api/v1/localities/{slug}/equity — in
// which counts of 1–10 people are already "fewer than 11" and the figures computed from them withheld.
//
// It shows every goal's actual against its target with its status in words (bullet chart and data table), why the
// goal matters in plain language, and the flags. Reach parity and burden by area are shown when passed (their public
// forms: `toPublicReach`, `toPublicArea`). A year without goals or flags renders nothing.
//
// Words: in the request's language (EquityPanel, EquityGoals and EquityFlags messages; lib/equity/goal-words.ts):
// English for staff pages and /l/{slug}/equity, Spanish at /es/l/{slug}/equity. Abate's own words are translated,
// and the data it shows in them (race/ethnicity groups, "fewer than 11"); names staff typed are kept.
import type { SubjectLabels } from '@/lib/data/board-words';
import { countIn, goalTitleIn, goalValueIn, missingIn, raceGroupIn, reasonIn, suppressionIn, targetIn } from '@/lib/equity/goal-words';
import type { EquityApiAnswer } from '@/lib/equity/public';
import type { ViewWords } from '@/lib/i18n/messages';
import { AreaBurdenChart, type PublicAreaView } from './burden-charts';
import { FlagsList } from './flags-list';
import { GoalBullets } from './goal-bullets';
import { GoalStatusBadge } from './goal-status';
import { ReachParityChart, type PublicReachView } from './reach-parity-chart';
import { useViewWords } from './use-view-words';

export interface EquityPanelProps {
  /** `await publicEquity(db, locality.id, fiscalYear)` (or the API answer without `locality`). */
  equity: Omit<EquityApiAnswer, 'locality'>;
  localityName: string;
  /** Names for subjects stored as keys (category keys, race/ethnicity group keys); the key is shown otherwise. */
  labels?: SubjectLabels;
  /** `toPublicReach(await computeReachByGroup(db, locality.id, fiscalYear))`, to draw reach parity. */
  reach?: PublicReachView | null;
  /** `(await computeAreaBurden(db, locality.id, fiscalYear)).map(toPublicArea)`, to draw deaths by area. */
  areas?: readonly PublicAreaView[] | null;
  /** A flag about one line links to `${lineHrefBase}${id}`, e.g. "/l/cedarholm-county/lines/". */
  lineHrefBase?: string;
  /** Heading level of the panel's title (its sub-headings are one below). Default 2. */
  headingLevel?: 2 | 3;
}

export function EquityPanel(props: EquityPanelProps) {
  const { goals, flags } = props.equity;
  if (goals.length === 0 && flags.length === 0) return null;
  return <EquityPanelBody {...props} />;
}

/** Reach in the reader's words: Abate's race/ethnicity group names, "fewer than 11" and what is missing. */
function reachIn(reach: PublicReachView, words: ViewWords): PublicReachView {
  return {
    ...reach,
    groups: reach.groups.map((group) => ({
      ...group,
      label: raceGroupIn(group.group_key, group.label, words),
      people_served: countIn(group.people_served, words) ?? group.people_served,
      deaths: countIn(group.deaths, words),
    })),
    served_total: countIn(reach.served_total, words) ?? reach.served_total,
    deaths_total: countIn(reach.deaths_total, words),
    missing: reach.missing.map((text) => missingIn(text, words)),
  };
}

/** Areas in the reader's words: "fewer than 11" (an area's name is the locality's own). */
function areasIn(areas: readonly PublicAreaView[], words: ViewWords): PublicAreaView[] {
  return areas.map((area) => ({ ...area, population: countIn(area.population, words), overdose_deaths: countIn(area.overdose_deaths, words) }));
}

function EquityPanelBody({ equity, localityName, labels = {}, reach, areas, lineHrefBase, headingLevel = 2 }: EquityPanelProps) {
  const words = useViewWords();
  const t = (key: string, values?: Record<string, string>) => words.t(`EquityPanel.${key}`, values);
  const { goals, flags, fiscal_year: fiscalYear } = equity;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section aria-labelledby="equity-panel-heading" className="section equity-panel" data-testid="equity-panel">
      <H id="equity-panel-heading">{t('heading', { year: String(fiscalYear) })}</H>
      <p className="lede">{t('lede', { locality: localityName })}</p>

      {goals.length > 0 ? (
        <>
          <GoalBullets goals={goals} fiscalYear={fiscalYear} labels={labels} idPrefix="equity-panel-goals" testId="equity-goals" />
          <Sub>{t('reasonsHeading')}</Sub>
          <ul className="goal-reasons" data-testid="equity-goal-reasons">
            {goals.map((goal) => {
              const actual =
                goal.actual === null ? (goal.suppression ? t('withheld') : t('notEnoughData')) : goalValueIn(goal.actual, goal.unit, words);
              const suppression = suppressionIn(goal.suppression, words);
              return (
                <li key={goal.id} className="goal-reason" data-goal-id={goal.id}>
                  <p className="goal-reason__head">
                    <strong>{goalTitleIn(goal, labels, words)}</strong>
                    {t('reasonHead', { target: targetIn(goal.comparator, goal.target, goal.unit, words), actual })}{' '}
                    <GoalStatusBadge status={goal.status} />
                  </p>
                  <p className="goal-reason__why">{reasonIn(goal.reason, words)}</p>
                  {goal.missing.length > 0 ? (
                    <p className="muted">{t('missing', { list: goal.missing.map((text) => missingIn(text, words)).join('; ') })}</p>
                  ) : null}
                  {suppression ? <p className="muted">{suppression}</p> : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}

      <Sub>{t('flagsHeading')}</Sub>
      <p className="muted">{t('flagsIntro')}</p>
      <FlagsList flags={flags} fiscalYear={fiscalYear} lineHrefBase={lineHrefBase} testId="equity-panel-flags" />

      {reach ? (
        <>
          <Sub>{t('reachHeading')}</Sub>
          <ReachParityChart reach={reachIn(reach, words)} testId="equity-panel-reach" />
        </>
      ) : null}
      {areas && areas.length > 0 ? (
        <>
          <Sub>{t('areasHeading')}</Sub>
          <AreaBurdenChart areas={areasIn(areas, words)} fiscalYear={fiscalYear} localityName={localityName} testId="equity-panel-areas" />
        </>
      ) : null}
    </section>
  );
}
