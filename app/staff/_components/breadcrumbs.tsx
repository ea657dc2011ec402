import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';

export interface Crumb {
  href: string;
  label: ReactNode;
}

/** Where the first crumb of the workspace's own pages leads. */
export const STAFF_HOME: Crumb = { href: '/staff', label: 'Staff workspace' };

/** "Staff workspace / Localities / Add": the pages above this one, linked, then this one (linked when `hereHref`). */
export function Breadcrumbs({ trail, here, hereHref, children }: { trail: readonly Crumb[]; here: ReactNode; hereHref?: string; children?: ReactNode }) {
  return (
    <p className="breadcrumbs">
      {trail.map((crumb) => (
        <Fragment key={crumb.href}>
          <Link href={crumb.href}>{crumb.label}</Link>
          {' / '}
        </Fragment>
      ))}
      {hereHref ? <Link href={hereHref}>{here}</Link> : <span>{here}</span>}
      {children}
    </p>
  );
}

/** The top of a workspace page outside any locality: where it is, its heading, and what it is for. */
export function WorkspaceIntro({ here, hereHref, title, lede }: { here: string; hereHref?: string; title: ReactNode; lede: ReactNode }) {
  return (
    <>
      <Breadcrumbs trail={[STAFF_HOME]} here={here} hereHref={hereHref} />
      <h1>{title}</h1>
      <p className="lede">{lede}</p>
    </>
  );
}
