import type { StaffAllocationDetail } from '@/lib/data/staff-allocations';
import { allocationFacts } from '@/lib/views/allocation-detail-view';

/** The line's facts: years, money, recipient, source, description, and who last changed, submitted and decided it. */
export function AllocationFacts({ allocation }: { allocation: StaffAllocationDetail }) {
  const facts = allocationFacts(allocation);
  return (
    <dl className="facts">
      <div>
        <dt>Fiscal year</dt>
        <dd>{facts.fiscalYear}</dd>
      </div>
      <div>
        <dt>Allocated</dt>
        <dd className="money" data-testid="allocation-amount" data-cents={facts.amountCents}>
          {facts.amount}
        </dd>
      </div>
      <div>
        <dt>Spent so far</dt>
        <dd className="money" data-cents={facts.spentCents}>
          {facts.spent}
        </dd>
      </div>
      <div>
        <dt>Recipient</dt>
        <dd>
          {facts.recipient ? (
            <>
              {facts.recipient.name} <span className="muted">({facts.recipient.kind})</span>
            </>
          ) : (
            <span className="muted">Not recorded yet</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Funding source</dt>
        <dd>{facts.source ?? <span className="muted">Not specified</span>}</dd>
      </div>
      <div className="facts__wide">
        <dt>Description</dt>
        <dd data-testid="allocation-description">{facts.description ?? <span className="muted">No description yet: add one before submitting.</span>}</dd>
      </div>
      <div>
        <dt>Last changed</dt>
        <dd>{facts.lastChanged}</dd>
      </div>
      {facts.submitted ? (
        <div>
          <dt>Submitted</dt>
          <dd>{facts.submitted}</dd>
        </div>
      ) : null}
      {facts.decided ? (
        <div>
          <dt>{facts.decided.label}</dt>
          <dd>{facts.decided.text}</dd>
        </div>
      ) : null}
    </dl>
  );
}
