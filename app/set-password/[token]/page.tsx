import type { Metadata } from 'next';
import { connection } from 'next/server';
import Link from 'next/link';
import { getDb } from '@/db/runtime';
import { checkPasswordSetupLink } from '@/lib/auth/password-setup-links';
import { SetPasswordForm } from './set-password-form';

export const metadata: Metadata = { title: 'Choose your password', referrer: 'no-referrer' };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const link = await checkPasswordSetupLink(await getDb(), token);
  return (
    <div className="narrow">
      <h1>Choose your password</h1>
      {link.ok ? (
        <>
          <p className="lede">
            For the Abate account <strong>{link.email}</strong>. This link works once; after you choose a password you are signed in.
          </p>
          <SetPasswordForm token={token} email={link.email} />
        </>
      ) : (
        <>
          <p className="form-error" role="alert">
            {link.message}
          </p>
          <p>
            <Link href="/sign-in">Go to sign in</Link>
          </p>
        </>
      )}
    </div>
  );
}
