// Server-compatible (no 'use client'). Marks pages that show fictional demo data.
export function DemoBadge({ testId = 'demo-badge' }: { testId?: string }) {
  return (
    <span className="badge badge--demo" data-testid={testId}>
      Demo data — fictional
    </span>
  );
}
