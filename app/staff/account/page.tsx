import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSignedIn } from '@/app/_lib/require-staff';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requireSignedIn('/staff/account');
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/staff">Staff workspace</Link> / <span>Your account</span>
      </p>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{actor.email}</strong>.
      </p>
      <h2>Change your password</h2>
      <PasswordForm />
    </>
  );
}
