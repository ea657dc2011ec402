import type { Metadata } from 'next';
import { holdsBackRecommendation } from '@/lib/equity/line-flags';
import { formatFiscalYearSpan } from '@/lib/fiscal-year';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { DemoBadge } from '@/app/_components/demo-badge';
import { Flag } from '@/app/_components/flag';
import { StanceBadge } from '@/app/_components/stance-badge';
import { TotalsCards } from '@/app/_components/totals-cards';
import { getDb } from '@/db/runtime';
import { NO_DESCRIPTION_FLAG, recipientTypeLabel } from '@/lib/categories/labels';
import { quarterLabel } from '@/lib/categories/summaries';
import type { LocalityRef } from '@/lib/data/localities';
import { PUBLIC_ACTOR_LABEL } from '@/lib/data/public-actor';
import { publicReads } from '@/lib/data/public-reads';
import { fiscalQuarterOf } from '@/lib/fiscal-year';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

interface PageProps {
  params: Promise<{ slug: string; id: string }>;
}

const SPLIT_COLUMNS: ColumnSpec[] = [
  { id: 'label', header: 'Category', kind: 'link', hrefKey: 'href' },
  { id: 'framework', header: 'Framework', kind: 'text' },
  { id: 'share', header: 'Share', kind: 'percent' },
  { id: 'allocated', header: 'Allocated', kind: 'money', total: true },
  { id: 'spent', header: 'Spent to date', kind: 'money', total: true },
];

const SPENDING_COLUMNS: ColumnSpec[] = [
  { id: 'paidOn', header: 'Paid on', kind: 'text' },
  { id: 'period', header: 'Fiscal year and quarter', kind: 'text' },
  { id: 'description', header: 'What was paid for', kind: 'text', sortable: false },
  { id: 'amount', header: 'Amount', kind: 'money', total: true },
];

// Shown only when a payment of the line went beyond what remained of it: the reason given is public.
const OVERSPEND_COLUMN: ColumnSpec = { id: 'overspendReason', header: 'Why paid beyond the allocation', kind: 'text', sortable: false };

const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

function parseId(value: string): number | null {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

async function load(slug: string, idText: string) {
  const db = await getDb();
  const locality = await publicReads.locality(db, slug);
  const id = parseId(idText);
  if (!locality || id === null) return null;
  const line = await publicReads.line(db, locality.id, id);
  if (!line) return null;
  return { db, locality, line };
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await connection();
  const { slug, id } = await params;
  const found = await load(slug, id);
  return { title: found ? `${found.line.program} · ${found.locality.name}` : 'Line not found' };
}

export default async function LinePage({ params }: PageProps) {
  await connection();
  const { slug, id } = await params;
  const found = await load(slug, id);
  // Drafts, lines under review, returned and deleted lines are not public: the same not-found as a missing id.
  if (!found) notFound();
  const { db, locality, line } = found;
  const history = await publicReads.lineHistory(db, locality.id, line.id);

  const localityHref = `/l/${locality.slug}?fy=${line.fiscalYear}`;
  const splitRows = line.splits.map((s) => ({
    label: s.label,
    href: `/categories/${s.frameworkKey}/${s.key}?fy=${line.fiscalYear}`,
    framework: s.frameworkName,
    share: String(s.shareBasisPoints),
    allocated: s.allocatedCents.toString(),
    spent: s.spentCents.toString(),
  }));
  const spendingRows = line.expenditures.map((x) => ({
    paidOn: x.paidOn,
    period: `FY${x.fiscalYear} ${quarterLabel(x.fiscalYear, locality.fyStartMonth, fiscalQuarterOf(x.paidOn, locality.fyStartMonth))}`,
    description: x.description || null,
    overspendReason: x.overspendReason,
    amount: x.amountCents.toString(),
  }));
  const remaining = line.allocatedCents - line.spentToDateCents;

  return (
    <article className="line-page">
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/">Localities</Link>
          </li>
          <li>
            <Link href={localityHref}>{locality.name}</Link>
          </li>
          <li>
            <span aria-current="page">{line.program}</span>
          </li>
        </ol>
      </nav>
      <div className="page-header">
        <h1>{line.program}</h1>
        {locality.isDemo ? <DemoBadge /> : null}
        <p className="lede">
          An approved line of {locality.name}’s {formatFiscalYearSpan(line.fiscalYear, line.lastFiscalYear)} budget
          {line.source ? `, paid from the ${line.source.name}` : ''}.
        </p>
      </div>

      {line.flags.length > 0 ? (
        <section aria-labelledby="flags-heading" data-testid="line-flags">
          <h2 id="flags-heading">Flags</h2>
          <ul className="line-flags">
            {line.flags.map((flag) => (
              <li key={flag.code} data-code={flag.code} data-severity={flag.severity}>
                <Flag>{flag.title}</Flag>
                <p>{flag.detail}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">What it pays for</h2>
        {line.description ? (
          <p className="prose line-description">{line.description}</p>
        ) : (
          <p>
            <Flag testId="no-description-flag">{NO_DESCRIPTION_FLAG}</Flag>
          </p>
        )}
        <dl className="facts">
          <div>
            <dt>Recipient</dt>
            <dd data-testid="recipient">
              {line.recipient ? line.recipient.name : <Flag>No recipient recorded</Flag>}
            </dd>
          </div>
          {line.criminalLegalRecipients.length > 0 ? (
            <div>
              <dt>Criminal-legal-system recipients</dt>
              <dd data-testid="criminal-legal-recipients">{line.criminalLegalRecipients.join(', ')}</dd>
            </div>
          ) : null}
          <div>
            <dt>Recipient type</dt>
            <dd>{line.recipient ? recipientTypeLabel(line.recipient.type) : '—'}</dd>
          </div>
          <div>
            <dt>Led by people with lived experience</dt>
            <dd>{line.recipient ? (line.recipient.livedExperienceLed ? 'Yes' : 'No') : '—'}</dd>
          </div>
          <div>
            <dt>Funding source</dt>
            <dd>{line.source ? line.source.name : <Flag>Source not recorded</Flag>}</dd>
          </div>
          <div>
            <dt>Fiscal year</dt>
            <dd>
              {formatFiscalYearSpan(line.fiscalYear, line.lastFiscalYear)}
              {line.lastFiscalYear !== null
                ? ` — one multi-year authorization, counted once, in FY${line.fiscalYear}`
                : null}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="money-heading">
        <h2 id="money-heading">Money</h2>
        <TotalsCards
          items={[
            { label: 'Allocated (approved)', cents: line.allocatedCents.toString(), testId: 'line-allocated' },
            { label: 'Spent to date', cents: line.spentToDateCents.toString(), testId: 'line-spent' },
            {
              label: remaining >= 0n ? 'Not yet spent' : 'Spent beyond the allocation',
              cents: (remaining >= 0n ? remaining : -remaining).toString(),
              note: 'Allocated minus spent to date',
              testId: 'line-remaining',
            },
          ]}
        />
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Categories</h2>
        <p>
          {line.splits.length === 0
            ? 'This line has not been put in any category yet.'
            : line.splits.length === 1
              ? `All of this line is in one category${line.splits[0] ? `: ${line.splits[0].label}` : ''}.`
              : `This line is split across ${line.splits.length} categories: ${line.splits
                  .map((s) => `${formatPercentFromBasisPoints(s.shareBasisPoints)} ${s.label}`)
                  .join(', ')}.`}
        </p>
        {line.splits.length > 0 ? (
          <ul className="stance-list">
            {line.splits.map((s) =>
              s.stance === 'recommended' && holdsBackRecommendation(line.flags) ? (
                <li key={s.categoryId} data-testid="stance-held-back">
                  {s.label}: the evidence recommends this use, but this money is paid to{' '}
                  {line.criminalLegalRecipients.join(', ')} (see the flag above).
                </li>
              ) : s.stance ? (
                <li key={s.categoryId}>
                  {s.label}: <StanceBadge stance={s.stance} />
                </li>
              ) : null,
            )}
          </ul>
        ) : null}
        <DataTable
          caption="Category splits of this line"
          columns={SPLIT_COLUMNS}
          rows={splitRows}
          totalsLabel="Total"
          testId="split-table"
          emptyMessage="Not yet categorized."
        />
      </section>

      <section aria-labelledby="spending-heading">
        <h2 id="spending-heading">Spending</h2>
        <p>
          {line.expenditures.length === 0
            ? 'Nothing has been paid against this line yet.'
            : `${line.expenditures.length} ${line.expenditures.length === 1 ? 'payment' : 'payments'} so far, ${formatCents(line.spentToDateCents)} in all.`}
        </p>
        <DataTable
          caption="Payments made against this line"
          columns={
            line.expenditures.some((x) => x.overspendReason !== null)
              ? [...SPENDING_COLUMNS.slice(0, -1), OVERSPEND_COLUMN, ...SPENDING_COLUMNS.slice(-1)]
              : SPENDING_COLUMNS
          }
          rows={spendingRows}
          totalsLabel="Total"
          testId="spending-table"
          emptyMessage="No payments yet."
        />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Public history</h2>
        <HistoryList history={history} locality={locality} />
      </section>
    </article>
  );
}

type History = Awaited<ReturnType<typeof publicReads.lineHistory>>;

function HistoryList({ history, locality }: { history: History; locality: LocalityRef }) {
  if (history.length === 0) {
    return <p>No recorded history for this line.</p>;
  }
  return (
    <ol className="public-history" data-testid="history">
      {history.map((entry) => (
        <li key={entry.id} data-action={entry.action}>
          <p className="public-history__head">
            <strong>{entry.label}</strong>{' '}
            <span className="muted">
              on <time dateTime={entry.at.toISOString()}>{dateTimeFormat.format(entry.at)} UTC</time> by{' '}
              {entry.actor === 'system' ? PUBLIC_ACTOR_LABEL.system : `${PUBLIC_ACTOR_LABEL[entry.actor]}, ${locality.name}`}
            </span>
          </p>
          {entry.reason ? (
            <p className="public-history__reason">
              <span className="public-history__reason-label">Reason given:</span> {entry.reason}
            </p>
          ) : null}
          {entry.changes.length > 0 ? (
            <ul className="public-history__changes">
              {entry.changes.map((c) => (
                <li key={c.field}>
                  {c.field}: {c.from} → {c.to}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
