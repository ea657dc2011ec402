import type { ReactNode } from 'react';

/** One fact of a record's `<dl className="facts">`: its term and its value (`wide`: across the whole row). */
export function Fact({
  term,
  wide = false,
  className,
  testId,
  cents,
  children,
}: {
  term: ReactNode;
  wide?: boolean;
  className?: string;
  testId?: string;
  /** An amount's integer cents, kept on the value for tests and scripts. */
  cents?: string;
  children: ReactNode;
}) {
  return (
    <div className={wide ? 'facts__wide' : undefined}>
      <dt>{term}</dt>
      <dd className={className} data-testid={testId} data-cents={cents}>
        {children}
      </dd>
    </div>
  );
}

/** An amount, formatted, with its cents. */
export function MoneyFact({ term, text, cents, testId }: { term: string; text: string; cents: string; testId?: string }) {
  return (
    <Fact term={term} className="money" testId={testId} cents={cents}>
      {text}
    </Fact>
  );
}

/** Who receives the money, and what kind of organization it is; or that nobody is recorded yet. */
export function RecipientFact({ recipient, missing }: { recipient: { name: string; kind: string } | null; missing: string }) {
  return (
    <Fact term="Recipient">
      {recipient ? (
        <>
          {recipient.name} <span className="muted">({recipient.kind})</span>
        </>
      ) : (
        <span className="muted">{missing}</span>
      )}
    </Fact>
  );
}
