'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSyncExternalStore } from 'react';
import { hasSignedInMarker } from '@/lib/auth/signed-in-marker';

export interface MainNavItem {
  href: string;
  label: string;
  /** Also mark the link current on these path prefixes (e.g. "/localities"). */
  activePrefixes?: string[];
}

function isCurrent(pathname: string, item: MainNavItem): boolean {
  if (pathname === item.href) return true;
  return (item.activePrefixes ?? []).some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

const SIGN_IN: MainNavItem = { href: '/sign-in', label: 'Staff sign in' };
const WORKSPACE: MainNavItem = { href: '/staff', label: 'Workspace', activePrefixes: ['/staff'] };
const subscribeNoop = () => () => {};

/**
 * "Workspace" once this browser has signed in, else "Staff sign in". Read from the non-secret marker cookie after
 * hydration, never on the server: every visitor gets the same HTML (the public pages are cached), which says
 * "Staff sign in". Read again at every render, and the nav renders again at every navigation (its pathname).
 */
function useStaffItem(): MainNavItem {
  const signedIn = useSyncExternalStore(
    subscribeNoop,
    () => hasSignedInMarker(document.cookie),
    () => false,
  );
  return signedIn ? WORKSPACE : SIGN_IN;
}

/** The site's main navigation; marks the current section with aria-current="page". */
export function MainNav({ items }: { items: MainNavItem[] }) {
  const pathname = usePathname() ?? '';
  const staff = useStaffItem();
  return (
    <nav aria-label="Main" className="site-nav">
      <ul>
        {[...items, staff].map((item) => (
          <li key={item.href} className={item === staff ? 'site-nav__staff' : undefined}>
            <Link href={item.href} aria-current={isCurrent(pathname, item) ? 'page' : undefined} data-testid={item === staff ? 'staff-link' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
