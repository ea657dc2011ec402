import { getTranslations } from 'next-intl/server';
import type { LocalityFlowView } from '@/lib/views/locality-flow-view';
import type { LocalityQuarterView } from '@/lib/views/locality-quarter-view';
import { FlowSection } from './flow-section';
import { QuarterSection } from './quarter-section';

/*
 * The quarter and flow sections with their words from the Locality messages, in the page's language. The sections
 * themselves are client components that take their words ready (ADR 0014); these server wrappers look them up.
 */

export async function LocalityQuarterSection({ view, fiscalYear }: { view: LocalityQuarterView; fiscalYear: number }) {
  const t = await getTranslations('Locality');
  const title = t('quarterTitle', { year: String(fiscalYear) });
  return (
    <QuarterSection
      view={view}
      words={{
        heading: t('overTimeHeading'),
        title,
        caption: t('dataTable', { title }),
        columnGroup: t('columnCategoryGroup'),
        columnYear: t('columnYear'),
        total: t('total'),
        empty: t('noQuarterSpending'),
      }}
    />
  );
}

export async function LocalityFlowSection({
  view,
  diagram,
  fiscalYear,
}: {
  view: LocalityFlowView;
  diagram: Pick<LocalityFlowView, 'nodes' | 'links'>;
  fiscalYear: number;
}) {
  const t = await getTranslations('Locality');
  const year = String(fiscalYear);
  return (
    <FlowSection
      view={view}
      diagram={diagram}
      words={{
        heading: t('flowsHeading'),
        title: t('flowTitle', { year }),
        caption: t('flowCaption', { year }),
        columnSource: t('columnSource'),
        columnGroup: t('columnCategoryGroup'),
        columnAllocated: t('columnAllocated'),
        total: t('total'),
        empty: t('noFlows'),
      }}
    />
  );
}
