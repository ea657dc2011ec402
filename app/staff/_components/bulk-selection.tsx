import { BulkActionForm, type BulkFormAction } from '@/app/_components/forms/bulk-action-form';
import type { TableSelection } from '@/app/_components/server-data-table';

/**
 * A staff list's selection: a checkbox on each row whose `selectable` is "true", and the bulk form above the table
 * that acts on the selected rows (all or nothing). Rows carry `version`, and `labelKey` names each in the messages.
 */
export function bulkSelection({
  action,
  slug,
  localityId,
  verbs,
  testId,
  labelKey,
  hidden,
}: {
  action: BulkFormAction;
  slug: string;
  localityId: number;
  verbs: 'submit' | 'decide' | 'post';
  testId: string;
  labelKey: string;
  hidden?: Readonly<Record<string, string>>;
}): TableSelection {
  return {
    labelKey,
    selectableKey: 'selectable',
    actions: (selected) => (
      <BulkActionForm
        action={action}
        slug={slug}
        localityId={localityId}
        verbs={verbs}
        testId={testId}
        hidden={hidden}
        selected={selected.map((row) => ({ id: row.id ?? '', version: row.version ?? '', program: row[labelKey] ?? '' }))}
      />
    ),
  };
}
