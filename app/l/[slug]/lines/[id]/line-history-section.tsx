/**
 * A line's public history: what was done to it, when, by which role (never a name), the reason given and what
 * changed. A server component (Line messages).
 */
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { LocalityRef } from '@/lib/data/localities';
import type { PublicHistoryEntry } from '@/lib/data/public-line';
import type { ViewWords } from '@/lib/i18n/messages';
import { historyActionLabel, historyChangeWords } from '@/lib/views/line-history-view';
import { formatDateTime } from './line-view';

export async function LineHistorySection({ history, locality, words }: { history: PublicHistoryEntry[]; locality: LocalityRef; words: ViewWords }) {
  const t = await getTranslations('Line');
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('historyHeading')}</h2>
      <HistoryList history={history} locality={locality} words={words} />
    </section>
  );
}

async function HistoryList({ history, locality, words }: { history: PublicHistoryEntry[]; locality: LocalityRef; words: ViewWords }) {
  const t = await getTranslations('Line');
  if (history.length === 0) {
    return <p>{t('noHistory')}</p>;
  }
  const actor = (role: PublicHistoryEntry['actor']) => words.t(`PublicActor.${role}`);
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
