/** Whether a receipt or payment counts publicly yet, as its edit page says it. */
export function postingState(record: { postedAt: unknown }): string {
  return record.postedAt ? 'posted: counted on the public pages' : 'draft: not yet counted on the public pages';
}
