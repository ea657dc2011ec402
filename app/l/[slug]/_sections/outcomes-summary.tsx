/**
 * The locality page's "What the money did", kept short: one sentence and the "not reported" flag, with a link to the
 * outcomes page, which holds each program's outcomes beside what it spent, the cost per unit and the quarters (the
 * full tables made the locality page twice as long; ADR 0014 keeps it light).
 */
import Link from 'next/link';
import { Flag } from '@/app/_components/flag';
import { getDb } from '@/db/runtime';
import { publicReads } from '@/lib/data/public-reads';
import { outcomesView, type OutcomesView } from '@/lib/views/outcomes-view';

/** The year's outcomes as the locality page and the outcomes page show them. */
export async function loadOutcomesView(localityId: number, fiscalYear: number, fyStartMonth: number): Promise<OutcomesView> {
  return outcomesView(await publicReads.outcomes(await getDb(), localityId, fiscalYear, fyStartMonth), fiscalYear, fyStartMonth);
}

/** How many programs reported, and the "not reported" flag: the first thing both pages say. */
export function OutcomesSentence({ view }: { view: OutcomesView }) {
  return (
    <p data-testid="outcomes-summary">
      {view.summary}{' '}
      {view.notReported.length > 0 ? (
        <Flag testId="outcomes-not-reported-flag">
          {view.notReported.length === 1 ? '1 program' : `${view.notReported.length} programs`}: not reported
        </Flag>
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
  const view = await loadOutcomesView(localityId, fiscalYear, fyStartMonth);
  return (
    <section aria-labelledby="outcomes-heading" className="section" data-testid="outcomes-summary-section">
      <h2 id="outcomes-heading">What the money did</h2>
      <OutcomesSentence view={view} />
      <p>
        <Link href={`/l/${slug}/outcomes?fy=${fiscalYear}`} data-testid="outcomes-link">
          Each program’s outcomes, what it spent and the cost per unit, FY{fiscalYear}
        </Link>
      </p>
    </section>
  );
}
