import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { DataTable, type ColumnSpec } from '@/app/_components/data-table';
import { DemoBadge } from '@/app/_components/demo-badge';
import { Flag } from '@/app/_components/flag';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { LocaleLink } from '@/app/_components/locale-link';
import { StanceBadge } from '@/app/_components/stance-badge';
import { TotalsCards } from '@/app/_components/totals-cards';
import { languageMetadata, viewWords } from '@/app/_lib/page-locale';
import { getDb } from '@/db/runtime';
import { noDescriptionFlag, recipientTypeLabel } from '@/lib/categories/labels';
import { categoryName, frameworkName } from '@/lib/categories/localized';
import type { LocalityRef } from '@/lib/data/localities';
import { publicReads } from '@/lib/data/public-reads';
import { holdsBackRecommendation, lineFlagWords } from '@/lib/equity/line-flags';
import { fiscalQuarterOf } from '@/lib/fiscal-year';
import { FORMAT_LOCALE, type Locale } from '@/lib/i18n/locales';
import type { ViewWords } from '@/lib/i18n/messages';
import { localizedHref } from '@/lib/i18n/routes';
import { formatCents, formatPercentFromBasisPoints } from '@/lib/money';
import { historyActionLabel, historyChangeWords } from '@/lib/views/line-history-view';
import { outcomeQuarterLabel } from '@/lib/views/outcomes-view';

interface PageProps {
  params: Promise<{ slug: string; id: string }>;
}

type T = (key: string, values?: Record<string, string | number>) => string;

function splitColumns(t: T): ColumnSpec[] {
  return [
    { id: 'label', header: t('columnCategory'), kind: 'link', hrefKey: 'href' },
    { id: 'framework', header: t('columnFramework'), kind: 'text' },
    { id: 'share', header: t('columnShare'), kind: 'percent' },
    { id: 'allocated', header: t('columnAllocated'), kind: 'money', total: true },
    { id: 'spent', header: t('columnSpent'), kind: 'money', total: true },
  ];
}

function spendingColumns(t: T, overspent: boolean): ColumnSpec[] {
  return [
    { id: 'paidOn', header: t('columnPaidOn'), kind: 'text' },
    { id: 'period', header: t('columnPeriod'), kind: 'text' },
    { id: 'description', header: t('columnDescription'), kind: 'text', sortable: false },
    // Shown only when a payment of the line went beyond what remained of it: the reason given is public.
    ...(overspent ? [{ id: 'overspendReason', header: t('columnOverspend'), kind: 'text', sortable: false } as const] : []),
    { id: 'amount', header: t('columnAmount'), kind: 'money', total: true },
  ];
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "December 7, 2026 at 10:37 AM" (en-US), "7 de diciembre de 2026, 10:37 a. m." (es-US); UTC. */
function formatDateTime(at: Date, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(FORMAT_LOCALE[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(at);
}

/** "FY2026", or "FY2025–FY2029" for a multi-year authorization, in the reader's words (formatFiscalYearSpan's rule). */
function fiscalYearSpan(t: T, first: number, last: number | null): string {
  return last === null || last === first ? t('year', { year: String(first) }) : t('yearSpan', { first: String(first), last: String(last) });
}

function parseId(value: string): number | null {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

async function load(slug: string, idText: string) {
  const db = await getDb();
  const locality = await publicReads.locality(db, slug);
  const id = parseId(idText);
  if (!locality || id === null) return null;
  const line = await publicReads.line(db, locality.id, id);
  if (!line) return null;
  return { db, locality, line };
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  await connection();
  const { slug, id } = await params;
  const [found, t] = await Promise.all([load(slug, id), getTranslations('Line')]);
  if (!found) return { title: t('notFound') };
  return {
    title: `${found.line.program} · ${found.locality.name}`,
    ...languageMetadata(`/l/${found.locality.slug}/lines/${found.line.id}`, ''),
  };
}

/**
 * One approved line in full: its flags, what it pays for, its money, categories, payments and public history. In
 * English at /l/{slug}/lines/{id} and in Spanish at /es/l/{slug}/lines/{id} (ADR 0016). A program's, recipient's and
 * payment's own words are the locality's and stay as entered.
 */
export default async function LinePage({ params }: PageProps) {
  await connection();
  const { slug, id } = await params;
  const found = await load(slug, id);
  // Drafts, lines under review, returned and deleted lines are not public: the same not-found as a missing id.
  if (!found) notFound();
  const { db, locality, line } = found;
  const [history, words, t] = await Promise.all([
    publicReads.lineHistory(db, locality.id, line.id),
    viewWords(),
    getTranslations('Line'),
  ]);
  const { locale } = words;
  const path = `/l/${locality.slug}/lines/${line.id}`;

  const localityHref = `/l/${locality.slug}?fy=${line.fiscalYear}`;
  const label = (s: (typeof line.splits)[number]) => categoryName(locale, s.frameworkKey, s);
  const splitRows = line.splits.map((s) => ({
    label: label(s),
    href: localizedHref(locale, `/categories/${s.frameworkKey}/${s.key}?fy=${line.fiscalYear}`),
    framework: frameworkName(locale, { key: s.frameworkKey, name: s.frameworkName }),
    share: String(s.shareBasisPoints),
    allocated: s.allocatedCents.toString(),
    spent: s.spentCents.toString(),
  }));
  const spendingRows = line.expenditures.map((x) => ({
    paidOn: x.paidOn,
    period: t('period', {
      year: String(x.fiscalYear),
      quarter: outcomeQuarterLabel(x.fiscalYear, locality.fyStartMonth, fiscalQuarterOf(x.paidOn, locality.fyStartMonth), words),
    }),
    description: x.description || null,
    overspendReason: x.overspendReason,
    amount: x.amountCents.toString(),
  }));
  const remaining = line.allocatedCents - line.spentToDateCents;
  const years = fiscalYearSpan(t, line.fiscalYear, line.lastFiscalYear);

  return (
    <article className="line-page">
      <LanguageSwitch locale={locale} path={path} search="" />
      <nav aria-label={t('breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <LocaleLink locale={locale} href="/">
              {t('localities')}
            </LocaleLink>
          </li>
          <li>
            <LocaleLink locale={locale} href={localityHref}>
              {locality.name}
            </LocaleLink>
          </li>
          <li>
            <span aria-current="page">{line.program}</span>
          </li>
        </ol>
      </nav>
      <div className="page-header">
        <h1>{line.program}</h1>
        {locality.isDemo ? <DemoBadge /> : null}
        <p className="lede">
          {line.source
            ? t('ledeWithSource', { locality: locality.name, years, source: line.source.name })
            : t('lede', { locality: locality.name, years })}
        </p>
      </div>

      {line.flags.length > 0 ? (
        <section aria-labelledby="flags-heading" data-testid="line-flags">
          <h2 id="flags-heading">{t('flagsHeading')}</h2>
          <ul className="line-flags">
            {line.flags.map((flag) => {
              const flagWords = lineFlagWords(flag, words);
              return (
                <li key={flag.code} data-code={flag.code} data-severity={flag.severity}>
                  <Flag>{flagWords.title}</Flag>
                  <p>{flagWords.detail}</p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

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

      <section aria-labelledby="money-heading">
        <h2 id="money-heading">{t('moneyHeading')}</h2>
        <TotalsCards
          locale={locale}
          items={[
            { label: t('allocated'), cents: line.allocatedCents.toString(), testId: 'line-allocated' },
            { label: t('spentToDate'), cents: line.spentToDateCents.toString(), testId: 'line-spent' },
            {
              label: remaining >= 0n ? t('notYetSpent') : t('overspent'),
              cents: (remaining >= 0n ? remaining : -remaining).toString(),
              note: t('remainingNote'),
              testId: 'line-remaining',
            },
          ]}
        />
      </section>

      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t('categoriesHeading')}</h2>
        <p>
          {line.splits.length === 0
            ? t('noCategories')
            : line.splits.length === 1
              ? t('oneCategory', { category: label(line.splits[0]!) })
              : t('splitCategories', {
                  count: String(line.splits.length),
                  parts: line.splits.map((s) => `${formatPercentFromBasisPoints(s.shareBasisPoints, locale)} ${label(s)}`).join(', '),
                })}
        </p>
        {line.splits.length > 0 ? (
          <ul className="stance-list">
            {line.splits.map((s) =>
              s.stance === 'recommended' && holdsBackRecommendation(line.flags) ? (
                <li key={s.categoryId} data-testid="stance-held-back">
                  {t('heldBack', { category: label(s), recipients: line.criminalLegalRecipients.join(', ') })}
                </li>
              ) : s.stance ? (
                <li key={s.categoryId}>
                  {label(s)}: <StanceBadge stance={s.stance} locale={locale} />
                </li>
              ) : null,
            )}
          </ul>
        ) : null}
        <DataTable
          caption={t('splitCaption')}
          columns={splitColumns(t)}
          rows={splitRows}
          totalsLabel={t('total')}
          testId="split-table"
          emptyMessage={t('splitEmpty')}
        />
      </section>

      <section aria-labelledby="spending-heading">
        <h2 id="spending-heading">{t('spendingHeading')}</h2>
        <p>
          {line.expenditures.length === 0
            ? t('noPayments')
            : t('payments', { count: line.expenditures.length, amount: formatCents(line.spentToDateCents, { locale }) })}
        </p>
        <DataTable
          caption={t('spendingCaption')}
          columns={spendingColumns(t, line.expenditures.some((x) => x.overspendReason !== null))}
          rows={spendingRows}
          totalsLabel={t('total')}
          testId="spending-table"
          emptyMessage={t('spendingEmpty')}
        />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('historyHeading')}</h2>
        <HistoryList history={history} locality={locality} words={words} />
      </section>
    </article>
  );
}

type History = Awaited<ReturnType<typeof publicReads.lineHistory>>;

async function HistoryList({ history, locality, words }: { history: History; locality: LocalityRef; words: ViewWords }) {
  const t = await getTranslations('Line');
  if (history.length === 0) {
    return <p>{t('noHistory')}</p>;
  }
  const actor = (role: History[number]['actor']) => words.t(`PublicActor.${role}`);
  return (
    <ol className="public-history" data-testid="history">
      {history.map((entry) => (
        <li key={entry.id} data-action={entry.action}>
          <p className="public-history__head">
            <strong>{historyActionLabel(entry, words)}</strong>{' '}
            <span className="muted">
              {t.rich('historyWhen', {
                when: formatDateTime(entry.at, words.locale),
                actor: entry.actor === 'system' ? actor('system') : `${actor(entry.actor)}, ${locality.name}`,
                time: (chunks: ReactNode) => <time dateTime={entry.at.toISOString()}>{chunks}</time>,
              })}
            </span>
          </p>
          {entry.reason ? (
            <p className="public-history__reason">
              <span className="public-history__reason-label">{t('reasonGiven')}</span> {entry.reason}
            </p>
          ) : null}
          {entry.changeFacts.length > 0 ? (
            <ul className="public-history__changes">
              {entry.changeFacts.map((facts) => {
                const change = historyChangeWords(facts, words);
                return (
                  <li key={facts.field}>
                    {change.field}: {change.from} → {change.to}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
