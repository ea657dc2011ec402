/**
 * The locality page's "What the money did", kept short: one sentence and the "not reported" flag, with a link to the
 * outcomes page, which holds each program's outcomes beside what it spent, the cost per unit and the quarters (the
 * full tables made the locality page twice as long; ADR 0014 keeps it light). Words from the Outcomes and
 * OutcomesView messages, in the page's language.
 */
import { Flag } from '@/app/_components/flag';
import { LocaleLink } from '@/app/_components/locale-link';
import { viewWords } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import type { ViewWords } from '@/lib/i18n/messages';
import { outcomesView, type OutcomesView } from '@/lib/views/outcomes-view';

/** The year's outcomes as the locality page and the outcomes page show them, in the reader's words. */
export async function loadOutcomesView(localityId: number, fiscalYear: number, fyStartMonth: number, words: ViewWords): Promise<OutcomesView> {
  return outcomesView(await publicReads.outcomes(await getDb(), localityId, fiscalYear, fyStartMonth), fiscalYear, fyStartMonth, words);
}

/** How many programs reported, and the "not reported" flag: the first thing both pages say. */
export function OutcomesSentence({ view, words }: { view: OutcomesView; words: ViewWords }) {
  return (
    <p data-testid="outcomes-summary">
      {view.summary}{' '}
      {view.notReported.length > 0 ? (
        <Flag testId="outcomes-not-reported-flag">{words.t('Outcomes.notReportedFlag', { count: view.notReported.length })}</Flag>
      ) : null}
    </p>
  );
}

export async function OutcomesSummary({
  slug,
  localityId,
  fiscalYear,
  fyStartMonth,
}: {
  slug: string;
  localityId: number;
  fiscalYear: number;
  fyStartMonth: number;
}) {
  const words = await viewWords();
  const view = await loadOutcomesView(localityId, fiscalYear, fyStartMonth, words);
  return (
    <section aria-labelledby="outcomes-heading" className="section" data-testid="outcomes-summary-section">
      <h2 id="outcomes-heading">{words.t('Outcomes.summaryHeading')}</h2>
      <OutcomesSentence view={view} words={words} />
      <p>
        <LocaleLink locale={words.locale} href={`/l/${slug}/outcomes?fy=${fiscalYear}`} data-testid="outcomes-link">
          {words.t('Outcomes.summaryLink', { year: String(fiscalYear) })}
        </LocaleLink>
      </p>
    </section>
  );
}
