'use client';

import Link from 'next/link';
import { useState } from 'react';
import { BulkActionForm } from '@/app/_components/forms/bulk-action-form';
import type { MoneyPostingSection } from '@/lib/views/money-posting-view';
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
      <div className="table-scroll" role="region" aria-label={section.caption} tabIndex={0}>
        <table className="data-table" data-testid={`${testId}-table`}>
          <caption>{section.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="cell--select" data-column="select">
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
              </th>
              <th scope="col" data-column="date">
                Date
              </th>
              <th scope="col" data-column="party">
                {section.partyHeader}
              </th>
              <th scope="col" data-column="line">
                {section.linkHeader}
              </th>
              <th scope="col" data-column="amount" className="th--end">
                Amount
              </th>
              <th scope="col" data-column="recorded-by">
                Recorded by
              </th>
            </tr>
          </thead>
          <tbody>
            {section.rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="table-empty">
                  {section.emptyText}
                </td>
              </tr>
            ) : (
              section.rows.map((row) => (
                <tr key={row.id} data-row-id={row.id} className={chosen.has(row.id) && row.notYours === null ? 'row--selected' : undefined}>
                  <td className="cell--select" data-column="select">
                    {row.notYours === null ? (
                      <input
                        type="checkbox"
                        aria-label={`Select ${row.label}`}
                        checked={chosen.has(row.id)}
                        onChange={(event) => toggle(row.id, event.currentTarget.checked)}
                      />
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
              ))
            )}
          </tbody>
          {section.rows.length > 0 ? (
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
          ) : null}
        </table>
      </div>
      {section.more ? <p className="muted">{section.more}</p> : null}
    </section>
  );
}
