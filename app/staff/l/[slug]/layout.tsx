import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireLocalityAccess } from '@/app/_lib/require-staff';
import { can } from '@/lib/auth/authorize';
import { DemoBadge } from '@/app/_components/demo-badge';
import { Breadcrumbs, STAFF_HOME } from '@/app/staff/_components/breadcrumbs';

export default async function StaffLocalityLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const { actor, locality } = await requireLocalityAccess(slug, 'locality.read', `/staff/l/${slug}`);
  const base = `/staff/l/${locality.slug}`;
  const board = can(actor, 'allocation.decide', locality.id) || can(actor, 'users.manage', locality.id);
  const links = [
    { href: base, label: 'Overview' },
    { href: `${base}/allocations`, label: 'Allocations' },
    { href: `${base}/receipts`, label: 'Receipts' },
    { href: `${base}/settlements`, label: 'Settlements' },
    { href: `${base}/fund`, label: 'Fund' },
    { href: `${base}/reports`, label: 'Reports' },
    { href: `${base}/expenditures`, label: 'Expenditures' },
    { href: `${base}/outcomes`, label: 'Outcomes' },
    ...(can(actor, 'import.commit', locality.id) ? [{ href: `${base}/import`, label: 'Import' }] : []),
    ...(can(actor, 'money.write', locality.id) ? [{ href: `${base}/context`, label: 'Context data' }] : []),
    ...(can(actor, 'allocation.decide', locality.id) ? [{ href: `${base}/review`, label: 'Review' }] : []),
    ...(board ? [{ href: `${base}/board`, label: 'Board summary' }, { href: `${base}/goals`, label: 'Equity goals' }] : []),
    ...(can(actor, 'audit.read', locality.id) ? [{ href: `/staff/audit?locality=${locality.slug}`, label: 'Audit log' }] : []),
    { href: `/l/${locality.slug}`, label: 'Public page' },
  ];
  return (
    <div className="staff-locality">
      <Breadcrumbs trail={[STAFF_HOME]} here={locality.name}>
        {' '}
        {locality.isDemo ? <DemoBadge /> : null}
      </Breadcrumbs>
      <nav aria-label={`${locality.name} staff pages`} className="sub-nav no-print">
        <ul>
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
