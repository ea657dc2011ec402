import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAtomFeed, xmlText, type AtomFeed } from './atom';
import { parseXml, readAtom } from './testing/read-atom';

const HOSTILE = 'Naloxone </title><script>alert(1)</script> & "kits" \'n\' <![CDATA[x]]> \u0000\u0007\u001b\u007f\u0085\uFFFE\uD800 💊🏥 é';
/** What a reader gets back: the same text without the characters XML 1.0 cannot carry. */
const HOSTILE_READ = 'Naloxone </title><script>alert(1)</script> & "kits" \'n\' <![CDATA[x]]>  💊🏥 é';

function feedWith(text: string): AtomFeed {
  return {
    id: 'urn:abate:cedarholm-county:feed',
    title: `Abate — ${text}`,
    subtitle: text,
    updated: '2026-03-04T15:02:07Z',
    selfHref: 'https://abate.example/l/cedarholm-county/feed.xml?a=1&b=2',
    alternateHref: 'https://abate.example/l/cedarholm-county',
    author: { name: text, uri: 'https://abate.example/' },
    entries: [
      {
        id: 'urn:abate:cedarholm-county:decision:41',
        title: `Board approved: ${text} — $120,000.00`,
        updated: '2026-03-04T15:02:07Z',
        link: 'https://abate.example/l/cedarholm-county/lines/7?x="1"&y=<2>',
        summary: `Reason: ${text}\nSecond line.`,
      },
      {
        id: 'urn:abate:cedarholm-county:receipt:3',
        title: 'Received: Distributors settlement — $5.00',
        updated: '2026-01-02T00:00:00Z',
        link: 'https://abate.example/l/cedarholm-county/money-in',
        summary: 'Received on 2026-01-01.',
      },
    ],
  };
}

describe('xmlText', () => {
  it('escapes the five XML special characters', () => {
    expect(xmlText(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  });

  it('drops characters XML 1.0 cannot carry and keeps tab, newline, emoji and accents', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\u001fe\u007ff\u0090g\uFFFEh\uFFFFi\uDC00j')).toBe('abcdefghij');
    expect(xmlText('tab\there\nnew\r💊 ñ 中')).toBe('tab\there\nnew\r💊 ñ 中');
  });

  it('reads back as the text it was given, less the dropped characters, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const root = parseXml(`<r a="${xmlText(text)}">${xmlText(text)}</r>`);
        // Attribute values have their whitespace normalized by every XML parser; element text keeps it (but \r\n → \n).
        const kept = text.replace(/[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
        expect(root.text).toBe(kept.replace(/\r\n?/g, '\n'));
        expect(root.attributes.a).toBe(kept.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '));
      }),
      { numRuns: 500, examples: [['a\r\nb\rc\n\td']] },
    );
  });
});

describe('renderAtomFeed', () => {
  it('writes a well-formed Atom feed whose every field reads back, hostile text included', () => {
    const xml = renderAtomFeed(feedWith(HOSTILE));
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml).not.toContain('<script>');
    const feed = readAtom(xml);
    expect(feed).toEqual({
      id: 'urn:abate:cedarholm-county:feed',
      title: `Abate — ${HOSTILE_READ}`,
      updated: '2026-03-04T15:02:07Z',
      links: [
        { rel: 'self', type: 'application/atom+xml', href: 'https://abate.example/l/cedarholm-county/feed.xml?a=1&b=2' },
        { rel: 'alternate', type: 'text/html', href: 'https://abate.example/l/cedarholm-county' },
      ],
      author: HOSTILE_READ,
      // Every entry as written, each field read back whole (the hostile text less what XML 1.0 cannot carry).
      entries: feedWith(HOSTILE_READ).entries,
    });
  });

  it('writes a feed with no entries', () => {
    const feed = readAtom(renderAtomFeed({ ...feedWith('Cedarholm County'), entries: [] }));
    expect(feed.entries).toEqual([]);
    expect(feed.title).toBe('Abate — Cedarholm County');
  });

  it('refuses a date a feed reader could not read, naming the entry', () => {
    const feed = feedWith('x');
    feed.entries[1]!.updated = '2026-01-02 00:00 UTC';
    expect(() => renderAtomFeed(feed)).toThrow('entry urn:abate:cedarholm-county:receipt:3: "2026-01-02 00:00 UTC" is not an RFC 3339 date-time');
  });
});
