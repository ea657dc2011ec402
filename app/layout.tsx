import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { MainNav } from './_components/main-nav';
import './globals.css';

export const metadata: Metadata = {
  title: {
    template: '%s · Abate',
    default: 'Abate · Where opioid-settlement money goes',
  },
  description:
    'Abate shows the public where a county’s opioid-settlement money went: what was received, how it was allocated, and what was spent, exact to the cent.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <div className="site-brand">
              <Link href="/" className="site-title">
                Abate
              </Link>
              <p className="site-tagline">Where opioid-settlement money goes</p>
            </div>
            <MainNav
              items={[
                { href: '/', label: 'Localities', activePrefixes: ['/localities', '/l'] },
                { href: '/compare', label: 'Compare' },
                { href: '/categories', label: 'Categories', activePrefixes: ['/categories'] },
              ]}
            />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container site-main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>Abate is open-source software.</p>
            <p>All amounts are stored and shown exactly, to the cent.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
