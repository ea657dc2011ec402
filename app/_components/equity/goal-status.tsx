// Server-compatible (no 'use client'): a goal's status as an icon AND words — never colour alone.
import { STATUS_WORDS, statusLabel } from '@/lib/data/board-words';
import type { GoalStatus } from '@/lib/equity/types';

export function GoalStatusBadge({ status, testId }: { status: GoalStatus; testId?: string }) {
  const words = STATUS_WORDS[status];
  return (
    <span className={`goal-status goal-status--${status}`} data-status={status} data-testid={testId}>
      <span className="goal-status__icon" aria-hidden="true">
        {words.icon}
      </span>
      {statusLabel(status)}
    </span>
  );
}
