import { FormAlert } from './form-parts';

/**
 * What every staff record form carries before its own fields: the form-level error, and the hidden fields that say
 * which locality and which record (at which version) the save is for. The server re-checks all of them.
 */
export function RecordFormFields({
  formError,
  slug,
  localityId,
  id,
  version,
  returnTo,
}: {
  formError: string | null | undefined;
  slug: string;
  localityId: number;
  id?: number;
  /** The version the form was opened at, for optimistic locking; null for a new record. */
  version: number | null;
  returnTo?: string;
}) {
  return (
    <>
      {formError ? <FormAlert>{formError}</FormAlert> : null}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="localityId" value={localityId} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      {id !== undefined ? <input type="hidden" name="id" value={id} /> : null}
      {version !== null ? <input type="hidden" name="version" value={version} /> : null}
    </>
  );
}
