/**
 * The locality page's equity section, kept short: each goal in one row (actual, target, status in words) and one
 * sentence about the flags. The equity page draws the goals against their targets and holds why each matters, the
 * flags, reach and deaths by area. A server component: its words (the Locality and EquityPanel messages, and the
 * view's sentences) are in the page's language; its link stays in that language where the equity page is translated.
 */
import { getTranslations } from 'next-intl/server';
import { GoalStatusBadge } from '@/app/_components/equity/goal-status';
import { LocaleLink } from '@/app/_components/locale-link';
import type { Locale } from '@/lib/i18n/locales';
import type { GoalSummaryRow } from '@/lib/views/equity-summary-view';

export async function EquitySummary({
  fiscalYear,
  slug,
  locale,
  goalsSentence,
  flagsSentence,
  goals,
}: {
  fiscalYear: number;
  slug: string;
  locale: Locale;
  /** "5 of 8 goals met, 2 close, 1 missed." */
  goalsSentence: string;
  flagsSentence: string;
  goals: GoalSummaryRow[];
}) {
  const [t, tPanel] = await Promise.all([getTranslations('Locality'), getTranslations('EquityPanel')]);
  return (
    <section aria-labelledby="equity-panel-heading" className="section equity-summary" data-testid="equity-summary">
      <h2 id="equity-panel-heading">{tPanel('heading', { year: String(fiscalYear) })}</h2>
      <p>
        {goalsSentence} <span data-testid="equity-flags-sentence">{flagsSentence}</span>
      </p>
      {goals.length > 0 ? (
        <ul className="goal-summary" data-testid="equity-goal-summary">
          {goals.map((goal) => (
            <li key={goal.id} data-goal-id={goal.id}>
              <GoalStatusBadge status={goal.status} /> <strong>{goal.title}</strong>
              {t('equityGoal', { actual: goal.actual, target: goal.target })}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="no-print">
        <LocaleLink locale={locale} href={`/l/${slug}/equity?fy=${fiscalYear}`} data-testid="equity-page-link">
          {t('equityLink')}
        </LocaleLink>
      </p>
    </section>
  );
}
