'use client';

import type { ConflictCurrent } from '@/lib/services/conflict';

export interface ConflictRow {
  label: string;
  theirs: string;
  yours: string;
}

/** One row of the comparison: its label, and the value's name or how the value is shown ("FY2025", a source's name). */
export type ConflictField<Values> = readonly [label: string, show: { [K in keyof Values]: Values[K] extends string ? K : never }[keyof Values] | ((values: Values) => string)];

/** Their saved values beside the person's own, one row a field, in the order of `fields`. */
export function conflictRows<Values>(theirs: Values, yours: Values, fields: readonly ConflictField<Values>[]): ConflictRow[] {
  return fields.map(([label, show]) => {
    const read = typeof show === 'function' ? show : (values: Values) => values[show] as string;
    return { label, theirs: read(theirs), yours: read(yours) };
  });
}

/**
 * "Changed by X at T since you opened it", with the other person's saved values beside the person's own unsaved
 * ones, field by field, and the two ways forward. Nothing is lost either way: their save is already in the history.
 */
export function ConflictPanel<Values>({
  conflict,
  message,
  rows,
  onReapplyMine,
  onTakeTheirs,
  pending,
  listHref,
}: {
  conflict: ConflictCurrent<Values>;
  message: string;
  rows: ConflictRow[];
  onReapplyMine: () => void;
  onTakeTheirs: () => void;
  pending: boolean;
  listHref: string;
}) {
  if (conflict.deleted) {
    return (
      <div className="conflict-panel" role="alert" data-testid="conflict">
        <p className="conflict-panel__message">{message}</p>
        <p>
          Your values are still in the form below if you want to copy them. <a href={listHref}>Back to the list</a>
        </p>
      </div>
    );
  }
  return (
    <div className="conflict-panel" role="alert" data-testid="conflict">
      <p className="conflict-panel__message">{message}</p>
      <div className="table-scroll" role="region" aria-label="Their saved values and yours" tabIndex={0}>
        <table className="data-table conflict-table">
          <caption>Their saved values and your unsaved values</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Saved by {conflict.changedBy}</th>
              <th scope="col">Yours (not saved yet)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = row.theirs !== row.yours;
              return (
                <tr key={row.label} className={differs ? 'conflict-table__differs' : undefined} data-differs={differs ? 'true' : undefined}>
                  <th scope="row">
                    {row.label}
                    {differs ? <span className="visually-hidden"> (differs)</span> : null}
                  </th>
                  <td data-testid="conflict-theirs">{row.theirs || '—'}</td>
                  <td data-testid="conflict-yours">{row.yours || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={onReapplyMine} disabled={pending}>
          Save my values over theirs
        </button>
        <button type="button" className="button button--secondary" onClick={onTakeTheirs} disabled={pending}>
          Start again from their values
        </button>
      </div>
    </div>
  );
}
