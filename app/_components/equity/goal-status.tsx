// Server-compatible (no 'use client'): a goal's status as an icon AND words — never colour alone. The words come from
// the GoalStatus messages in the request's language (a client namespace of the root layout, for client sections).
import { useTranslations } from 'next-intl';
import { STATUS_WORDS } from '@/lib/data/board-words';
import type { GoalStatus } from '@/lib/equity/types';

export function GoalStatusBadge({ status, testId }: { status: GoalStatus; testId?: string }) {
  const t = useTranslations('GoalStatus');
  return (
    <span className={`goal-status goal-status--${status}`} data-status={status} data-testid={testId}>
      <span className="goal-status__icon" aria-hidden="true">
        {STATUS_WORDS[status].icon}
      </span>
      {t(status)}
    </span>
  );
}
