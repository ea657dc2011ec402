// Server-compatible (no 'use client'): the public equity panel of a locality page. It takes the PUBLIC shape that
// `buildPublicEquity` (lib/equity/public.ts) returns — the same JSON as GET /api/v1/localities/{slug}/equity — in
// which counts of 1–10 people are already "fewer than 11" and the figures computed from them withheld.
//
// It shows every goal's actual against its target with its status in words (bullet chart and data table), why the
// goal matters in plain language, and the flags. Reach parity and burden by area are shown when passed (their public
// forms: `toPublicReach`, `toPublicArea`). A year without goals or flags renders nothing.
import type { SubjectLabels } from '@/lib/data/board-words';
import { describeTarget, formatGoalValue, goalTitle } from '@/lib/data/board-words';
import type { EquityApiAnswer } from '@/lib/equity/public';
import { AreaBurdenChart, type PublicAreaView } from './burden-charts';
import { FlagsList } from './flags-list';
import { GoalBullets } from './goal-bullets';
import { GoalStatusBadge } from './goal-status';
import { ReachParityChart, type PublicReachView } from './reach-parity-chart';

export interface EquityPanelProps {
  /** `await buildPublicEquity(db, locality.id, fiscalYear)` (or the API answer without `locality`). */
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

export function EquityPanel({ equity, localityName, labels = {}, reach, areas, lineHrefBase, headingLevel = 2 }: EquityPanelProps) {
  const { goals, flags, fiscal_year: fiscalYear } = equity;
  if (goals.length === 0 && flags.length === 0) return null;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section aria-labelledby="equity-panel-heading" className="section equity-panel" data-testid="equity-panel">
      <H id="equity-panel-heading">Equity goals for FY{fiscalYear}</H>
      <p className="lede">
        {localityName} commits in public to how its opioid-settlement money should serve the people most harmed. Each goal
        is computed from the approved lines, exactly; green, amber and red are also written in words.
      </p>

      {goals.length > 0 ? (
        <>
          <GoalBullets goals={goals} fiscalYear={fiscalYear} labels={labels} idPrefix="equity-panel-goals" testId="equity-goals" />
          <Sub>Why each goal matters</Sub>
          <ul className="goal-reasons" data-testid="equity-goal-reasons">
            {goals.map((goal) => (
              <li key={goal.id} className="goal-reason" data-goal-id={goal.id}>
                <p className="goal-reason__head">
                  <strong>{goalTitle(goal, labels)}</strong>: target {describeTarget(goal.comparator, goal.target, goal.unit)}, actual{' '}
                  {goal.actual === null ? (goal.suppression ? 'withheld' : 'not enough data') : formatGoalValue(goal.actual, goal.unit)}.{' '}
                  <GoalStatusBadge status={goal.status} />
                </p>
                <p className="goal-reason__why">{goal.reason}</p>
                {goal.missing.length > 0 ? <p className="muted">Not enough data: missing {goal.missing.join('; ')}.</p> : null}
                {goal.suppression ? <p className="muted">{goal.suppression}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Sub>Flags</Sub>
      <p className="muted">
        What an oversight board should look at first: money for uses the evidence discourages, money left unspent,
        one recipient or one line taking too much, and lines nobody can read.
      </p>
      <FlagsList flags={flags} fiscalYear={fiscalYear} lineHrefBase={lineHrefBase} testId="equity-panel-flags" />

      {reach ? (
        <>
          <Sub>Who the programs reach</Sub>
          <ReachParityChart reach={reach} testId="equity-panel-reach" />
        </>
      ) : null}
      {areas && areas.length > 0 ? (
        <>
          <Sub>Where overdose deaths are</Sub>
          <AreaBurdenChart areas={areas} fiscalYear={fiscalYear} localityName={localityName} testId="equity-panel-areas" />
        </>
      ) : null}
    </section>
  );
}
