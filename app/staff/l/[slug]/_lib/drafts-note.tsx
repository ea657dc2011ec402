import Link from 'next/link';

/** Above a receipts or payments list: how many of this view are drafts, not yet counted on the public pages. */
export function DraftsNote({ count, noun, base }: { count: number; noun: 'receipt' | 'payment'; base: string }) {
  if (count === 0) return null;
  const what = count === 1 ? `1 ${noun} is a draft` : `${count.toLocaleString('en-US')} ${noun}s are drafts`;
  return (
    <p className="notice" data-testid="drafts-note">
      {what}, not yet counted on the public pages. <Link href={`${base}?posting=draft`}>Show the drafts</Link> and select them to post.
    </p>
  );
}
