import type { Metadata } from 'next';
import { requireSignedIn } from '@/app/_lib/require-staff';
import { PasswordForm } from './password-form';
import { Breadcrumbs, STAFF_HOME } from '../_components/breadcrumbs';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requireSignedIn('/staff/account');
  return (
    <>
      <Breadcrumbs trail={[STAFF_HOME]} here="Your account" />
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{actor.email}</strong>.
      </p>
      <h2>Change your password</h2>
      <PasswordForm />
    </>
  );
}
