import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '@/lib/import/kind-fields';

/**
 * What the file holds. A plain GET form: choosing reloads the page with `?kind=…`, which the wizard then carries
 * through the preview and the commit, so it works without JavaScript.
 */
export function KindChooser({ kind }: { kind: ImportKind }) {
  return (
    <form method="get" className="import-kind" data-testid="import-kind">
      <fieldset>
        <legend>What does the file hold?</legend>
        {IMPORT_KINDS.map((value) => (
          <label key={value}>
            <input type="radio" name="kind" value={value} defaultChecked={value === kind} /> {IMPORT_KIND_LABELS[value]}
          </label>
        ))}
        <button type="submit">Choose</button>
      </fieldset>
    </form>
  );
}
