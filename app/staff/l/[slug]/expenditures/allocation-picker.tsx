'use client';

import { useId, useState, type KeyboardEvent } from 'react';
import { fieldProps, type FieldErrors } from '@/app/_components/forms/field';
import { useIsClient } from '@/app/_components/use-is-client';
import type { AllocationOption } from '@/lib/data/staff-form-options';
import { formatCents } from '@/lib/money/format-money';

/** What an option says: program, recipient, fiscal year, what remains (and the status when it is not approved). */
export function allocationLabel(allocation: AllocationOption): string {
  const remaining = BigInt(allocation.remainingCents);
  const left = remaining > 0n ? `${formatCents(remaining)} left` : `nothing left (${formatCents(BigInt(allocation.amountCents))} allocated)`;
  const recipient = allocation.recipient ? ` — ${allocation.recipient}` : '';
  const status = allocation.status === 'approved' ? '' : ` (${allocation.status})`;
  return `FY${allocation.fiscalYear} · ${allocation.program}${recipient} · ${left}${status}`;
}

/** Words one may type to find a line: its label, and its amounts without dollar signs or commas ("12500"). */
function searchText(allocation: AllocationOption): string {
  const plain = (cents: string) => {
    const value = BigInt(cents);
    return `${value / 100n} ${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
  };
  return `${allocationLabel(allocation)} ${allocation.fiscalYear} ${plain(allocation.amountCents)} ${plain(allocation.remainingCents)}`.toLowerCase();
}

function matches(allocation: AllocationOption, query: string): boolean {
  const text = searchText(allocation);
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

const MAX_LIST_ROWS = 8;

/**
 * The payment form's allocation choice: a plain <select>, and once JavaScript runs, a search box above it that
 * narrows its options as one types (every word must match: "2025 naloxone", "harbor 12500"). While narrowed, the
 * select opens up into a list so the matches are in view; Down arrow moves from the box into it. The chosen line
 * stays in the list whatever the search, so the form never silently loses it.
 */
export function AllocationPicker({
  allocations,
  value,
  onChange,
  errors,
}: {
  allocations: AllocationOption[];
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
}) {
  const isClient = useIsClient();
  const [query, setQuery] = useState('');
  const countId = useId();
  const select = fieldProps('allocationId', errors);
  const narrowed = isClient && query.trim() !== '';
  const shown = narrowed ? allocations.filter((a) => String(a.id) === value || matches(a, query)) : allocations;
  const chosen = allocations.find((a) => String(a.id) === value);
  const found = narrowed ? allocations.filter((a) => matches(a, query)).length : allocations.length;

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      document.getElementById(select.id)?.focus();
    } else if (event.key === 'Enter') {
      // Enter in the search box chooses the only match instead of sending the form half filled.
      event.preventDefault();
      const only = allocations.filter((a) => matches(a, query));
      if (only.length === 1) onChange(String(only[0]!.id));
    }
  };

  return (
    <div className="allocation-picker">
      {isClient ? (
        <div className="allocation-picker__search">
          <label htmlFor={`${select.id}-search`} className="visually-hidden">
            Search allocations
          </label>
          <input
            id={`${select.id}-search`}
            type="search"
            placeholder="Search by program, recipient, year or amount"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
            aria-controls={select.id}
            aria-describedby={countId}
            autoComplete="off"
          />
          <p id={countId} className="field-hint" aria-live="polite">
            {narrowed ? `${found} of ${allocations.length} allocations match.` : `${allocations.length} approved allocations.`}
          </p>
        </div>
      ) : null}
      <select
        {...select}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        size={narrowed ? Math.min(Math.max(shown.length + 1, 2), MAX_LIST_ROWS) : undefined}
      >
        <option value="">{narrowed && found === 0 ? 'No allocation matches' : 'Choose…'}</option>
        {shown.map((allocation) => (
          <option key={allocation.id} value={String(allocation.id)}>
            {allocationLabel(allocation)}
          </option>
        ))}
      </select>
      {/* A narrow list cuts long lines off: the chosen one in full, below it. */}
      {narrowed && chosen ? <p className="field-hint">Chosen: {allocationLabel(chosen)}</p> : null}
    </div>
  );
}
