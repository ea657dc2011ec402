/** A line's flags, worded for the reader (lineFlagWords); nothing when it has none. A server component (Line messages). */
import { getTranslations } from 'next-intl/server';
import { Flag } from '@/app/_components/flag';
import { lineFlagWords, type LineFlag } from '@/lib/equity/line-flags';
import type { ViewWords } from '@/lib/i18n/messages';

export async function LineFlagsSection({ flags, words }: { flags: LineFlag[]; words: ViewWords }) {
  if (flags.length === 0) return null;
  const t = await getTranslations('Line');
  return (
    <section aria-labelledby="flags-heading" data-testid="line-flags">
      <h2 id="flags-heading">{t('flagsHeading')}</h2>
      <ul className="line-flags">
        {flags.map((flag) => {
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
  );
}
