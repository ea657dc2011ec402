/**
 * A line's public history (lib/data/public-line.ts getPublicLineHistory) in the reader's words: the action, and each
 * change's field and values (the LineHistory messages, money and percents per locale, a category by its name in the
 * reader's language). In English it says exactly what public-line.ts writes in `label` and `changes`
 * (line-history-view.test.ts).
 */
import { categoryName } from '@/lib/categories/localized';
import type { PublicChangeFacts, PublicChangeValue, PublicHistoryEntry } from '@/lib/data/public-line';
import type { ViewWords } from '@/lib/i18n/messages';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';

/** The audit actions the LineHistory.action messages name. */
const ACTIONS = new Set(['create', 'import', 'update', 'submit', 'approve', 'return', 'return_to_draft', 'delete']);

/** "Approved" / "Aprobada"; an action Abate has no words for keeps the label public-line.ts gave it (its code). */
export function historyActionLabel(entry: Pick<PublicHistoryEntry, 'action' | 'label'>, words: ViewWords): string {
  return ACTIONS.has(entry.action) ? words.t(`LineHistory.action.${entry.action}`) : entry.label;
}

function valueWords(value: PublicChangeValue, words: ViewWords): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'none':
      return words.t('LineHistory.none');
    case 'empty':
      return words.t('LineHistory.empty');
    case 'cents':
      return formatCents(value.cents, { locale: words.locale });
    case 'fiscalYear':
      return words.t('Line.year', { year: value.year });
    case 'categories':
      return value.parts
        .map((part) => {
          const name =
            part.frameworkKey !== null && part.key !== null
              ? categoryName(words.locale, part.frameworkKey, { key: part.key, label: part.label })
              : part.label;
          return part.shareBasisPoints === null ? name : `${name} ${formatPercentFromBasisPoints(part.shareBasisPoints, words.locale)}`;
        })
        .join('; ');
  }
}

/** One change in the reader's words: { field: "Amount", from: "$1.00", to: "$2.50" }. */
export function historyChangeWords(change: PublicChangeFacts, words: ViewWords): { field: string; from: string; to: string } {
  return { field: words.t(`LineHistory.field.${change.field}`), from: valueWords(change.from, words), to: valueWords(change.to, words) };
}
