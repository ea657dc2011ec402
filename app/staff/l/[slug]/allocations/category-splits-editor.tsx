'use client';

import { FieldError, fieldId, fieldProps, type FieldErrors } from '@/app/_components/forms/field';
import type { CategoryOption } from '@/lib/data/staff-form-options';
import { formatPercentFromBasisPoints } from '@/lib/money';
import type { SplitFormValue } from '@/lib/services/form-values';
import { percentToBasisPoints } from '@/lib/services/percent';

const WHOLE = 10_000;

/** "Medications for opioid use disorder … 60%; Housing … 40%" — for the conflict comparison. */
export function splitsSummary(splits: SplitFormValue[], categories: CategoryOption[]): string {
  return splits
    .map((split) => {
      const category = categories.find((c) => String(c.id) === split.categoryId);
      return `${category ? category.label : 'No category'} ${split.percent.trim() === '' ? '?' : `${split.percent.trim().replace(/%$/, '')}%`}`;
    })
    .join('; ');
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
 * Rows of (category, percentage). Any framework's categories may be used; the running total must reach exactly
 * 100% (the server checks it again, and the database checks the cents at commit).
 */
export function CategorySplitsEditor({
  splits,
  onChange,
  categories,
  errors,
}: {
  splits: SplitFormValue[];
  onChange: (splits: SplitFormValue[]) => void;
  categories: CategoryOption[];
  errors: FieldErrors;
}) {
  const grouped = groupCategories(categories);
  const shares = splits.map((split) => percentToBasisPoints(split.percent));
  const readable = shares.every((share) => share !== null);
  const total = shares.reduce<number>((sum, share) => sum + (share ?? 0), 0);
  const complete = readable && total === WHOLE;

  function update(index: number, change: Partial<SplitFormValue>) {
    onChange(splits.map((split, i) => (i === index ? { ...split, ...change } : split)));
  }

  const totalId = fieldId('splits-total');
  return (
    <fieldset className="fieldset splits-editor" aria-describedby={`${totalId}${errors.splits ? ` ${fieldId('splits')}-error` : ''}`}>
      <legend>Categories</legend>
      <p className="field-hint">
        What the money is for. Split a line across several categories, from any framework, by percentage; the shares
        must add up to 100%.
      </p>
      <FieldError name="splits" errors={errors} />
      <ol className="splits-editor__rows">
        {splits.map((split, index) => {
          const categoryName = `splits.${index}.categoryId`;
          const percentName = `splits.${index}.percent`;
          return (
            <li key={index} className="splits-editor__row" data-testid="split-row">
              <div className="field">
                <label htmlFor={fieldId(categoryName)}>Category {index + 1}</label>
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
                <FieldError name={categoryName} errors={errors} />
              </div>
              <div className="field splits-editor__percent">
                <label htmlFor={fieldId(percentName)}>Share of category {index + 1} (%)</label>
                <input
                  {...fieldProps(percentName, errors)}
                  value={split.percent}
                  onChange={(e) => update(index, { percent: e.target.value })}
                  inputMode="decimal"
                  autoComplete="off"
                />
                <FieldError name={percentName} errors={errors} />
              </div>
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
        <button type="button" className="button button--secondary" onClick={() => onChange([...splits, { categoryId: '', percent: '' }])}>
          Add a category
        </button>
        <p id={totalId} className={complete ? 'splits-editor__total splits-editor__total--ok' : 'splits-editor__total'} aria-live="polite" data-testid="splits-total">
          Total: {readable ? formatPercentFromBasisPoints(total) : '—'}
          {complete ? ' ✓' : readable && total < WHOLE ? ` — ${formatPercentFromBasisPoints(WHOLE - total)} still to assign` : readable ? ' — more than 100%' : ' — check the shares'}
        </p>
      </div>
    </fieldset>
  );
}
