// Server-compatible (no 'use client'). Marks pages that show fictional demo data. Its words come from the DemoBadge
// messages (the request's on the server, the root layout's provider in a client tree).
import { useTranslations } from 'next-intl';

export function DemoBadge({ testId = 'demo-badge' }: { testId?: string }) {
  const t = useTranslations('DemoBadge');
  return (
    <span className="badge badge--demo" data-testid={testId}>
      {t('label')}
    </span>
  );
}
