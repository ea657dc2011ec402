import Link from 'next/link';
import { Fact, MoneyFact, RecipientFact } from '@/app/staff/_components/facts';
import { FlagsList } from '@/app/_components/equity/flags-list';
import type { ReviewImpact, ReviewLine } from '@/lib/data/board-review';
import { toPublicFlag } from '@/lib/equity/public';
import { impactRows, reviewLineFacts } from '@/lib/views/review-line-view';
import { decideFromReviewAction } from './actions';
import { DecisionForm } from './decision-form';
import { GoalImpactTable } from './goal-impact-table';

/** One submitted line, opened under its queue row: its facts, the flags and goal moves approving it would bring, the decision. */
export function ReviewLineDetail({
  line,
  impact,
  fiscalYear,
  base,
  slug,
  actorUserId,
}: {
  line: ReviewLine;
  impact: ReviewImpact | null;
  fiscalYear: number;
  base: string;
  slug: string;
  actorUserId: number | null;
}) {
  const headingId = `review-line-${line.id}`;
  return (
    <article className="review-line" aria-labelledby={headingId} data-testid="review-line" data-allocation-id={line.id}>
      <h2 id={headingId}>
        <Link href={`${base}/allocations/${line.id}`}>{line.program}</Link>
      </h2>
      <ReviewLineFactList line={line} />

      <h3>Flags if approved</h3>
      <FlagsList flags={(impact?.flags ?? []).map(toPublicFlag)} fiscalYear={fiscalYear} emptyText="Approving this line raises no flag." testId="review-line-flags" />

      <h3>Equity impact of approving it</h3>
      {impact && impact.goals.length > 0 ? (
        <GoalImpactTable rows={impactRows(impact.goals)} program={line.program} />
      ) : (
        <p className="muted">
          No equity goals are set for FY{fiscalYear}. <Link href={`${base}/goals?fy=${fiscalYear}`}>Set goals</Link>
        </p>
      )}

      <h3>Decision</h3>
      <DecisionForm
        key={line.version}
        action={decideFromReviewAction}
        slug={slug}
        id={line.id}
        version={line.version}
        fiscalYear={fiscalYear}
        program={line.program}
        submittedByMe={line.submittedBy?.id === actorUserId}
      />
    </article>
  );
}

function ReviewLineFactList({ line }: { line: ReviewLine }) {
  const facts = reviewLineFacts(line);
  return (
    <dl className="facts">
      <MoneyFact term="Amount" text={facts.amount} cents={facts.amountCents} />
      <RecipientFact recipient={facts.recipient} missing="Not recorded" />
      <Fact term="Submitted">{facts.submitted}</Fact>
      <Fact term="Categories" wide testId="review-line-categories">
        {facts.categories}
      </Fact>
      <Fact term="Description" wide>
        {facts.description ?? <span className="muted">No description</span>}
      </Fact>
    </dl>
  );
}
