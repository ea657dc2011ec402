'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSyncExternalStore } from 'react';
import { hasSignedInMarker } from '@/lib/auth/signed-in-marker';
import { splitLocalePath } from '@/lib/i18n/routes';

export interface MainNavItem {
  href: string;
  label: string;
  /** Also mark the link current on these path prefixes (e.g. "/localities"), written without a locale prefix. */
  activePrefixes?: string[];
  /** The link changes language: load a whole document, so the shared layout changes language too (LocaleLink). */
  document?: boolean;
}

/** Compares paths without their locale prefix: "/es/categories" is the Categories section too. */
function isCurrent(pathname: string, item: MainNavItem): boolean {
  const path = splitLocalePath(pathname).path;
  if (path === splitLocalePath(item.href).path) return true;
  return (item.activePrefixes ?? []).some((p) => path === p || path.startsWith(`${p}/`));
}

const subscribeNoop = () => () => {};

/**
 * "Workspace" once this browser has signed in, else "Staff sign in". Read from the non-secret marker cookie after
 * hydration, never on the server: every visitor gets the same HTML (the public pages are cached), which says
 * "Staff sign in". Read again at every render, and the nav renders again at every navigation (its pathname).
 */
function useStaffItem(items: { signIn: MainNavItem; workspace: MainNavItem }): MainNavItem {
  const signedIn = useSyncExternalStore(
    subscribeNoop,
    () => hasSignedInMarker(document.cookie),
    () => false,
  );
  return signedIn ? items.workspace : items.signIn;
}

/** The site's main navigation; marks the current section with aria-current="page". */
export function MainNav({
  label,
  items,
  staffItems,
}: {
  label: string;
  items: MainNavItem[];
  staffItems: { signIn: MainNavItem; workspace: MainNavItem };
}) {
  const pathname = usePathname() ?? '';
  const staff = useStaffItem(staffItems);
  return (
    <nav aria-label={label} className="site-nav">
      <ul>
        {[...items, staff].map((item) => {
          const props = {
            href: item.href,
            'aria-current': isCurrent(pathname, item) ? ('page' as const) : undefined,
            'data-testid': item === staff ? 'staff-link' : undefined,
          };
          return (
            <li key={item.href} className={item === staff ? 'site-nav__staff' : undefined}>
              {item.document ? <a {...props}>{item.label}</a> : <Link {...props}>{item.label}</Link>}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
