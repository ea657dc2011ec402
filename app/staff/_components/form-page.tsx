import type { ReactNode } from 'react';

/** A page around one form (add or edit a record): optional breadcrumbs, its heading, what it is about, the form. */
export function FormPage({
  breadcrumbs,
  title,
  lede,
  ledeTestId,
  children,
}: {
  breadcrumbs?: ReactNode;
  title: ReactNode;
  lede?: ReactNode;
  ledeTestId?: string;
  children?: ReactNode;
}) {
  return (
    <div className="form-page">
      {breadcrumbs}
      <h1>{title}</h1>
      {lede !== undefined ? (
        <p className="lede" data-testid={ledeTestId}>
          {lede}
        </p>
      ) : null}
      {children}
    </div>
  );
}
