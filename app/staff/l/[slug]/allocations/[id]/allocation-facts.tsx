import { Fact, MoneyFact, RecipientFact } from '@/app/staff/_components/facts';
import type { StaffAllocationDetail } from '@/lib/data/staff-allocations';
import { allocationFacts } from '@/lib/views/allocation-detail-view';

/** The line's facts: years, money, recipient, source, description, and who last changed, submitted and decided it. */
export function AllocationFacts({ allocation }: { allocation: StaffAllocationDetail }) {
  const facts = allocationFacts(allocation);
  return (
    <dl className="facts">
      <Fact term="Fiscal year">{facts.fiscalYear}</Fact>
      <MoneyFact term="Allocated" text={facts.amount} cents={facts.amountCents} testId="allocation-amount" />
      <MoneyFact term="Spent so far" text={facts.spent} cents={facts.spentCents} />
      <RecipientFact recipient={facts.recipient} missing="Not recorded yet" />
      <Fact term="Funding source">{facts.source ?? <span className="muted">Not specified</span>}</Fact>
      <Fact term="Description" wide testId="allocation-description">
        {facts.description ?? <span className="muted">No description yet: add one before submitting.</span>}
      </Fact>
      <Fact term="Last changed">{facts.lastChanged}</Fact>
      {facts.submitted ? <Fact term="Submitted">{facts.submitted}</Fact> : null}
      {facts.decided ? <Fact term={facts.decided.label}>{facts.decided.text}</Fact> : null}
    </dl>
  );
}
