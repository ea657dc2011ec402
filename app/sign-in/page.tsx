import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getRequestActor } from '@/app/_lib/request-actor';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; signedOut?: string }>;
}) {
  await connection();
  const params = await searchParams;
  const next = typeof params.next === 'string' && params.next.startsWith('/') && !params.next.startsWith('//') ? params.next : '/staff';
  if (await getRequestActor()) redirect(next);
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <p className="lede">For county and city staff who record the money, and oversight board members who review it.</p>
      {params.signedOut ? (
        <p className="notice" role="status">
          You are signed out.
        </p>
      ) : null}
      <SignInForm next={next} />
    </div>
  );
}
