import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The scaffold of a staff list page: its heading with the button that adds a record (for those who may), the lede
 * that says what the list holds, then the page's notices and its table.
 */
export function ListPage({
  title,
  newLink,
  lede,
  children,
}: {
  title: string;
  /** Absent for someone who may not add. */
  newLink?: { href: string; label: string } | null;
  lede: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <div className="page-header page-header--actions">
        <h1>{title}</h1>
        {newLink ? (
          <Link href={newLink.href} className="button">
            {newLink.label}
          </Link>
        ) : null}
      </div>
      <p className="lede">{lede}</p>
      {children}
    </>
  );
}

/** What a page says it did, once (`?saved=`, `?deleted=`). */
export function StatusNotice({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <p className="notice" role="status" data-testid={testId}>
      {children}
    </p>
  );
}

/** After a save or a delete sent the person back to the list: what happened to the record. */
export function RecordNotice({ noun, saved, deleted }: { noun: string; saved: boolean; deleted: boolean }) {
  if (!saved && !deleted) return null;
  return <StatusNotice>{deleted ? `The ${noun} was deleted. It stays in the history.` : `The ${noun} was saved.`}</StatusNotice>;
}
