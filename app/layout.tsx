import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { localizedHref } from '@/lib/i18n/routes';
import { pageLocale } from './_lib/page-locale';
import { changesLanguage, LocaleLink } from './_components/locale-link';
import { MainNav, type MainNavItem } from './_components/main-nav';
import './globals.css';

/** Message namespaces client components read (through useTranslations). */
const CLIENT_NAMESPACES = ['Error', 'DataTable', 'FiscalYearNav', 'FrameworkSwitch', 'DemoBadge', 'MoneyInChart', 'GoalStatus', 'EquityCharts', 'LinesTable', 'Charts'] as const;

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Metadata');
  return {
    title: { template: '%s · Abate', default: t('defaultTitle') },
    description: t('description'),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await pageLocale();
  const t = await getTranslations('Layout');
  const messages = await getMessages();
  const item = (href: string, label: string, activePrefixes?: string[]): MainNavItem => ({
    href: localizedHref(locale, href),
    label,
    activePrefixes,
    document: changesLanguage(locale, href),
  });
  return (
    <html lang={locale}>
      <body>
        {/* Client components get only the messages they use: error.tsx and the shared components that client
            sections render (tables, the year and framework switches). */}
        <NextIntlClientProvider messages={pick(messages, CLIENT_NAMESPACES)}>
          <a className="skip-link" href="#main">
            {t('skipLink')}
          </a>
          <header className="site-header">
            <div className="container site-header__inner">
              <div className="site-brand">
                <LocaleLink locale={locale} href="/" className="site-title">
                  Abate
                </LocaleLink>
                <p className="site-tagline">{t('tagline')}</p>
              </div>
              <MainNav
                label={t('navLabel')}
                items={[
                  item('/', t('localities'), ['/localities', '/l']),
                  item('/compare', t('compare')),
                  item('/categories', t('categories'), ['/categories']),
                ]}
                staffItems={{
                  signIn: item('/sign-in', t('staffSignIn')),
                  workspace: item('/staff', t('workspace'), ['/staff']),
                }}
              />
            </div>
          </header>
          <main id="main" tabIndex={-1} className="container site-main">
            {children}
          </main>
          <footer className="site-footer">
            <div className="container">
              <p>{t('openSource')}</p>
              <p>{t('exact')}</p>
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
