/**
 * What ties a record form to its locality and, on an edit page, to the record at the version the page read (the
 * form's hidden fields; the verb checks them all again).
 */
export function recordOf(locality: { slug: string; id: number }, record?: { id: number; version: number }) {
  const where = { slug: locality.slug, localityId: locality.id };
  return record ? { ...where, id: record.id, version: record.version } : where;
}

/** What every edit page gives its record form: the record at the version the page read, and the save label. */
export function editedRecordOf(locality: { slug: string; id: number }, record: { id: number; version: number }) {
  return { ...recordOf(locality, record), submitLabel: 'Save changes' };
}

/** The same for a receipt or payment, with whether it is posted and whether the board posts them (`PostButtons`). */
export function editedPostedRecordOf(
  locality: { slug: string; id: number; moneyNeedsApproval: boolean },
  record: { id: number; version: number; postedAt: Date | null },
) {
  return { ...editedRecordOf(locality, record), boardPosts: locality.moneyNeedsApproval, posted: record.postedAt !== null };
}
