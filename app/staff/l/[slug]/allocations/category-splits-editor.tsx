'use client';

import { Field, FieldError, fieldId, fieldProps, type FieldErrors } from '@/app/_components/forms/field';
import type { CategoryOption } from '@/lib/data/staff-form-options';
import { formatCents, formatPercentFromBasisPoints, parseMoney, sharesFromCents, splitCentsByShares, sumCents } from '@/lib/money';
import type { SplitFormValue } from '@/lib/services/form-values';
import { basisPointsToPercentText, percentToBasisPoints } from '@/lib/services/percent';

const WHOLE = 10_000;

/** "Medications for opioid use disorder … 60%; Housing … $4,000.00" — for the conflict comparison. */
export function splitsSummary(splits: SplitFormValue[], categories: CategoryOption[], splitBy: SplitBy = 'percent'): string {
  return splits
    .map((split) => {
      const category = categories.find((c) => String(c.id) === split.categoryId);
      const share = splitBy === 'amount' ? split.amount.trim() || '?' : split.percent.trim() === '' ? '?' : `${split.percent.trim().replace(/%$/, '')}%`;
      return `${category ? category.label : 'No category'} ${share}`;
    })
    .join('; ');
}

type SplitBy = 'percent' | 'amount';

/** A complete split in the other unit, by the same largest-remainder rule the server stores splits with. */
function convertSplits(splits: SplitFormValue[], to: SplitBy, amount: string): SplitFormValue[] {
  const whole = parseMoney(amount);
  if (!whole.ok || whole.cents <= 0n) return splits;
  if (to === 'amount') {
    const cents = splitCentsByShares(whole.cents, splits.map((split) => percentToBasisPoints(split.percent) ?? 0));
    return splits.map((split, index) => ({ ...split, amount: formatCents(cents[index]!) }));
  }
  const cents = splits.map((split) => {
    const part = parseMoney(split.amount);
    return part.ok ? part.cents : 0n;
  });
  const shares = sharesFromCents(cents);
  return splits.map((split, index) => ({ ...split, percent: basisPointsToPercentText(shares[index]!) }));
}

/** The running total under the rows, in the unit the rows are entered in. */
function totalText(splits: SplitFormValue[], splitBy: SplitBy, amount: string): { text: string; complete: boolean } {
  if (splitBy === 'percent') {
    const shares = splits.map((split) => percentToBasisPoints(split.percent));
    if (!shares.every((share) => share !== null)) return { text: 'Total: — — check the shares', complete: false };
    const total = shares.reduce<number>((sum, share) => sum + (share ?? 0), 0);
    if (total === WHOLE) return { text: `Total: ${formatPercentFromBasisPoints(total)} ✓`, complete: true };
    const rest = total < WHOLE ? ` — ${formatPercentFromBasisPoints(WHOLE - total)} still to assign` : ' — more than 100%';
    return { text: `Total: ${formatPercentFromBasisPoints(total)}${rest}`, complete: false };
  }
  const parts = splits.map((split) => parseMoney(split.amount));
  if (!parts.every((part) => part.ok)) return { text: 'Total: — — check the amounts', complete: false };
  const total = sumCents(parts.map((part) => (part.ok ? part.cents : 0n)));
  const whole = parseMoney(amount);
  if (!whole.ok) return { text: `Total: ${formatCents(total)} — enter the amount allocated above`, complete: false };
  if (total === whole.cents) return { text: `Total: ${formatCents(total)} of ${formatCents(whole.cents)} ✓`, complete: true };
  const gap = whole.cents - total;
  const rest = gap > 0n ? ` — ${formatCents(gap)} still to assign` : ` — ${formatCents(-gap)} more than the amount allocated`;
  return { text: `Total: ${formatCents(total)} of ${formatCents(whole.cents)}${rest}`, complete: false };
}

/** Options grouped by framework and group: "Abate health-first framework — Treatment". */
function groupCategories(categories: CategoryOption[]): [string, CategoryOption[]][] {
  const groups = new Map<string, CategoryOption[]>();
  for (const category of categories) {
    const key = `${category.frameworkName} — ${category.group}`;
    const list = groups.get(key) ?? [];
    list.push(category);
    groups.set(key, list);
  }
  return [...groups.entries()];
}

/**
 * Rows of (category, percentage) or (category, dollar amount). Any framework's categories may be used; the running
 * total must reach exactly 100%, or exactly the amount allocated, to the cent (the server checks it again, and the
 * database checks the cents at commit).
 */
export function CategorySplitsEditor({
  splits,
  onChange,
  splitBy,
  onSplitByChange,
  amount,
  categories,
  errors,
}: {
  splits: SplitFormValue[];
  onChange: (splits: SplitFormValue[]) => void;
  splitBy: SplitBy;
  onSplitByChange: (splitBy: SplitBy) => void;
  /** The amount allocated, as typed, which amounts must add up to. */
  amount: string;
  categories: CategoryOption[];
  errors: FieldErrors;
}) {
  const grouped = groupCategories(categories);
  const total = totalText(splits, splitBy, amount);
  const complete = total.complete;

  /** Switching carries the split over when it is complete: percentages become amounts to the cent, and back. */
  function switchTo(mode: SplitBy) {
    if (mode !== splitBy && complete) onChange(convertSplits(splits, mode, amount));
    onSplitByChange(mode);
  }

  function update(index: number, change: Partial<SplitFormValue>) {
    onChange(splits.map((split, i) => (i === index ? { ...split, ...change } : split)));
  }

  const totalId = fieldId('splits-total');
  return (
    <fieldset className="fieldset splits-editor" aria-describedby={`${totalId}${errors.splits ? ` ${fieldId('splits')}-error` : ''}`}>
      <legend>Categories</legend>
      <p className="field-hint">
        What the money is for. Split a line across several categories, from any framework, by percentage (the shares
        must add up to 100%) or by dollar amount (the amounts must add up to the amount allocated, to the cent).
      </p>
      <div className="radio-row" role="radiogroup" aria-label="Split by">
        {(
          [
            ['percent', 'Split by percentage'],
            ['amount', 'Split by dollar amount'],
          ] as const
        ).map(([mode, label]) => (
          <label key={mode} className="checkbox">
            <input type="radio" name="splitBy" value={mode} checked={splitBy === mode} onChange={() => switchTo(mode)} /> {label}
          </label>
        ))}
      </div>
      <FieldError name="splits" errors={errors} />
      <ol className="splits-editor__rows">
        {splits.map((split, index) => {
          const categoryName = `splits.${index}.categoryId`;
          // Each category's share, as the line is split: a percentage or a dollar amount.
          const share = splitBy === 'percent' ? 'percent' : 'amount';
          const shareName = `splits.${index}.${share}`;
          return (
            <li key={index} className="splits-editor__row" data-testid="split-row">
              <Field name={categoryName} label={`Category ${index + 1}`} errors={errors}>
                <select
                  {...fieldProps(categoryName, errors)}
                  value={split.categoryId}
                  onChange={(e) => update(index, { categoryId: e.target.value })}
                >
                  <option value="">Choose a category…</option>
                  {grouped.map(([group, options]) => (
                    <optgroup key={group} label={group}>
                      {options.map((category) => (
                        <option key={category.id} value={String(category.id)}>
                          {category.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </Field>
              <Field
                name={shareName}
                className="field splits-editor__percent"
                label={share === 'percent' ? `Share of category ${index + 1} (%)` : `Amount for category ${index + 1} ($)`}
                errors={errors}
              >
                <input
                  {...fieldProps(shareName, errors)}
                  value={split[share]}
                  onChange={(e) => update(index, { [share]: e.target.value })}
                  inputMode="decimal"
                  autoComplete="off"
                />
              </Field>
              <button
                type="button"
                className="button button--secondary splits-editor__remove"
                onClick={() => onChange(splits.filter((_, i) => i !== index))}
                disabled={splits.length === 1}
                aria-label={`Remove category ${index + 1}`}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <div className="splits-editor__footer">
        <button type="button" className="button button--secondary" onClick={() => onChange([...splits, { categoryId: '', percent: '', amount: '' }])}>
          Add a category
        </button>
        <p id={totalId} className={complete ? 'splits-editor__total splits-editor__total--ok' : 'splits-editor__total'} aria-live="polite" data-testid="splits-total">
          {total.text}
        </p>
      </div>
    </fieldset>
  );
}
