/**
 * What a line pays for and its facts: recipient, criminal-legal recipients, kind of recipient, funding source and
 * years. A missing description, recipient or source is flagged, not hidden. A server component (Line messages).
 */
import { getTranslations } from 'next-intl/server';
import { Flag } from '@/app/_components/flag';
import { noDescriptionFlag, recipientTypeLabel } from '@/lib/categories/labels';
import type { PublicLineDetail } from '@/lib/data/public-line';
import type { ViewWords } from '@/lib/i18n/messages';

export async function LineAboutSection({ line, years, words }: { line: PublicLineDetail; years: string; words: ViewWords }) {
  const t = await getTranslations('Line');
  return (
    <section aria-labelledby="about-heading">
      <h2 id="about-heading">{t('aboutHeading')}</h2>
      {line.description ? (
        <p className="prose line-description">{line.description}</p>
      ) : (
        <p>
          <Flag testId="no-description-flag">{noDescriptionFlag(words)}</Flag>
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('recipient')}</dt>
          <dd data-testid="recipient">{line.recipient ? line.recipient.name : <Flag>{t('noRecipient')}</Flag>}</dd>
        </div>
        {line.criminalLegalRecipients.length > 0 ? (
          <div>
            <dt>{t('criminalLegalRecipients')}</dt>
            <dd data-testid="criminal-legal-recipients">{line.criminalLegalRecipients.join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('recipientType')}</dt>
          <dd>{line.recipient ? recipientTypeLabel(line.recipient.type, words) : '—'}</dd>
        </div>
        <div>
          <dt>{t('livedExperience')}</dt>
          <dd>{line.recipient ? t('livedExperienceAnswer', { led: line.recipient.livedExperienceLed ? 'yes' : 'no' }) : '—'}</dd>
        </div>
        <div>
          <dt>{t('fundingSource')}</dt>
          <dd>{line.source ? line.source.name : <Flag>{t('noSource')}</Flag>}</dd>
        </div>
        <div>
          <dt>{t('fiscalYear')}</dt>
          <dd>
            {years}
            {line.lastFiscalYear !== null ? t('multiYear', { year: String(line.fiscalYear) }) : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}
