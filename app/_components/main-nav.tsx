'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

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

/** The site's main navigation; marks the current section with aria-current="page". */
export function MainNav({ items }: { items: MainNavItem[] }) {
  const pathname = usePathname() ?? '';
  return (
    <nav aria-label="Main" className="site-nav">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={isCurrent(pathname, item) ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
