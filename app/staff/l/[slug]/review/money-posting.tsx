'use client';

import Link from 'next/link';
import { useState } from 'react';
import { BulkActionForm } from '@/app/_components/forms/bulk-action-form';
import type { MoneyPostingSection } from '@/lib/views/money-posting-view';
import { EmptyRow, SimpleTable, TableScroll } from '@/app/staff/_components/simple-table';
import { postSelectedAction } from '../_lib/post-actions';

/**
 * One table of the review page's "Receipts and payments awaiting posting" (shaped by buildMoneyPostingQueue): a
 * checkbox on each draft the board member may post — not one they recorded — and "Post N selected" above it
 * (postMoney: all or nothing, the recorder never posts their own). After a post the page shows the table again
 * without the posted lines.
 */
export function MoneyPostingTable({ section, slug, localityId }: { section: MoneyPostingSection; slug: string; localityId: number }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // A table with nothing to post is one sentence; one emptied by posting keeps its form, and "Posted N lines".
  const [hadRows] = useState(section.rows.length > 0);
  const selectable = section.rows.filter((row) => row.notYours === null);
  // Selection belongs to the rows on screen: a posted line leaves the table and the selection.
  const selected = selectable.filter((row) => chosen.has(row.id));
  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const noun = section.kind === 'receipt' ? 'receipt' : 'payment';
  const testId = section.kind === 'receipt' ? 'post-receipts' : 'post-payments';

  if (!hadRows && section.rows.length === 0) {
    return (
      <section aria-labelledby={section.id} data-testid={`${testId}-section`}>
        <h3 id={section.id}>{section.heading}</h3>
        <p className="muted">{section.emptyText}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby={section.id} data-testid={`${testId}-section`}>
      <h3 id={section.id}>{section.heading}</h3>
      <div className="bulk-bar" role="region" aria-label={`Selected ${noun}s`}>
        <p className="bulk-bar__count" aria-live="polite" data-testid={`${testId}-selected-count`}>
          {selected.length === 0
            ? section.rows.length === 0
              ? `No ${noun} to post.`
              : selectable.length === 0
                ? `You recorded every ${noun} listed: another board member posts them.`
                : `Select ${noun}s to post several at once.`
            : `${selected.length} selected`}
        </p>
        <BulkActionForm
          action={postSelectedAction}
          slug={slug}
          localityId={localityId}
          verbs="post"
          testId={testId}
          hidden={{ kind: section.kind }}
          selected={selected.map((row) => ({ id: row.id, version: row.version, program: row.label }))}
        />
      </div>
      <TableScroll label={section.caption}>
        <SimpleTable
          className="data-table"
          testId={`${testId}-table`}
          caption={section.caption}
          columns={[
            {
              label: (
                <input
                  type="checkbox"
                  aria-label={`Select every ${noun} you may post`}
                  disabled={selectable.length === 0}
                  checked={selectable.length > 0 && selected.length === selectable.length}
                  ref={(input) => {
                    if (input) input.indeterminate = selected.length > 0 && selected.length < selectable.length;
                  }}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    setChosen(new Set(on ? selectable.map((row) => row.id) : []));
                  }}
                />
              ),
              className: 'cell--select',
              column: 'select',
            },
            { label: 'Date', column: 'date' },
            { label: section.partyHeader, column: 'party' },
            { label: section.linkHeader, column: 'line' },
            { label: 'Amount', column: 'amount', className: 'th--end' },
            { label: 'Recorded by', column: 'recorded-by' },
          ]}
          foot={section.rows.length > 0 ? <PostingTotal section={section} /> : null}
        >
          {section.rows.length === 0 ? (
            <EmptyRow colSpan={6}>{section.emptyText}</EmptyRow>
          ) : (
            section.rows.map((row) => <PostingRow key={row.id} row={row} chosen={chosen.has(row.id)} onToggle={(on) => toggle(row.id, on)} />)
          )}
        </SimpleTable>
      </TableScroll>
      {section.more ? <p className="muted">{section.more}</p> : null}
    </section>
  );
}

type PostingLine = MoneyPostingSection['rows'][number];

/** One receipt or payment: a checkbox unless the board member recorded it (the reason is said instead). */
function PostingRow({ row, chosen, onToggle }: { row: PostingLine; chosen: boolean; onToggle: (on: boolean) => void }) {
  return (
    <tr data-row-id={row.id} className={chosen && row.notYours === null ? 'row--selected' : undefined}>
      <td className="cell--select" data-column="select">
        {row.notYours === null ? (
          <input type="checkbox" aria-label={`Select ${row.label}`} checked={chosen} onChange={(event) => onToggle(event.currentTarget.checked)} />
        ) : null}
      </td>
      <td data-column="date">
        {row.date} <span className="muted">({row.fiscalYear})</span>
      </td>
      <td data-column="party">{row.party}</td>
      <td data-column="line">
        <Link href={row.href}>{row.linkText}</Link>
      </td>
      <td data-column="amount" className="cell--number money" data-cents={row.amountCents}>
        {row.amount}
      </td>
      <td data-column="recorded-by">
        {row.recordedBy} <span className="muted">({row.recordedAt})</span>
        {row.notYours ? (
          <>
            <br />
            <span className="muted">{row.notYours}</span>
          </>
        ) : null}
      </td>
    </tr>
  );
}

function PostingTotal({ section }: { section: MoneyPostingSection }) {
  return (
    <tfoot>
      <tr>
        <td data-column="select" />
        <th scope="row" data-column="date" colSpan={3}>
          Total listed
        </th>
        <td data-column="amount" className="cell--number money" data-cents={section.totalCents}>
          {section.total}
        </td>
        <td data-column="recorded-by" />
      </tr>
    </tfoot>
  );
}
