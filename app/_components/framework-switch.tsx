// Server-compatible (no 'use client'): plain links, so the switch works without JavaScript and every view has a URL.
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export interface FrameworkOption {
  key: string;
  name: string;
}

export interface FrameworkSwitchProps {
  frameworks: FrameworkOption[];
  current: string;
  basePath: string;
  /** Query parameters to keep (e.g. fy). `framework` is always set by the link itself. */
  keepQuery?: Record<string, string>;
  /** Query value that means the default framework; its link leaves `framework` out of the URL. */
  defaultKey?: string;
  /** Ready-made links by framework key (e.g. a category's counterparts through the crosswalk). */
  hrefFor?: Record<string, string>;
  /** Visible label before the links. */
  label?: string;
}

export function frameworkHref(basePath: string, key: string, keepQuery?: Record<string, string>, defaultKey?: string) {
  const params = new URLSearchParams(keepQuery);
  params.delete('framework');
  if (key !== defaultKey) params.set('framework', key);
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** "Show categories as: Health-first · Exhibit E · NC list" — the same money, counted through the crosswalk. */
export function FrameworkSwitch({
  frameworks,
  current,
  basePath,
  keepQuery,
  defaultKey,
  hrefFor,
  label,
}: FrameworkSwitchProps) {
  const t = useTranslations('FrameworkSwitch');
  if (frameworks.length < 2) return null;
  return (
    <nav aria-label={t('navLabel')} className="switch-nav" data-testid="framework-switch">
      <span className="switch-nav__label" aria-hidden="true">
        {label ?? t('label')}
      </span>
      <ul>
        {frameworks.map((f) => (
          <li key={f.key}>
            <Link
              href={hrefFor?.[f.key] ?? frameworkHref(basePath, f.key, keepQuery, defaultKey)}
              aria-current={f.key === current ? 'page' : undefined}
              data-framework={f.key}
            >
              {f.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
