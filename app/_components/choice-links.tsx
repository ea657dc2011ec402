// Server-compatible (no 'use client'): a chooser made of plain links (the framework switch's look), so it works
// without JavaScript and every choice has its own URL.
import Link from 'next/link';

export interface Choice {
  key: string;
  label: string;
  href: string;
  current: boolean;
}

export function ChoiceLinks({ label, choices, testId }: { label: string; choices: Choice[]; testId?: string }) {
  if (choices.length < 2) return null;
  return (
    <nav aria-label={label} className="switch-nav" data-testid={testId}>
      <span className="switch-nav__label" aria-hidden="true">
        {label}
      </span>
      <ul>
        {choices.map((choice) => (
          <li key={choice.key}>
            <Link href={choice.href} aria-current={choice.current ? 'page' : undefined} data-choice={choice.key}>
              {choice.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
