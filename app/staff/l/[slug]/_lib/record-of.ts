/**
 * What ties a record form to its locality and, on an edit page, to the record at the version the page read (the
 * form's hidden fields; the verb checks them all again).
 */
export function recordOf(locality: { slug: string; id: number }, record?: { id: number; version: number }) {
  const where = { slug: locality.slug, localityId: locality.id };
  return record ? { ...where, id: record.id, version: record.version } : where;
}
