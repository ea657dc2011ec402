import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Page not found',
};

export default function NotFound() {
  return (
    <div className="status-page">
      <h1>Page not found</h1>
      <p className="lede">We couldn’t find the page you asked for. It may have moved, or the address may be mistyped.</p>
      <p>
        <Link href="/">Browse all localities</Link>
      </p>
    </div>
  );
}
