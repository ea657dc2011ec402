import { describe, expect, it } from 'vitest';
import { hasProvenLocale, keepOnlyProvenLocale, LOCALE_PROOF_HEADER, setProvenLocale } from './locale-header';
import { LOCALE_HEADER } from './locales';

describe('the proxy’s locale header', () => {
  it('removes a locale a client sent, with or without a made-up proof', () => {
    const sentByClients: Record<string, string>[] = [{ [LOCALE_HEADER]: 'es' }, { [LOCALE_HEADER]: 'es', [LOCALE_PROOF_HEADER]: 'guess' }];
    for (const sent of sentByClients) {
      const headers = new Headers(sent);
      expect(hasProvenLocale(headers)).toBe(false);
      keepOnlyProvenLocale(headers);
      expect(headers.get(LOCALE_HEADER)).toBeNull();
      expect(headers.get(LOCALE_PROOF_HEADER)).toBeNull();
    }
  });

  it('keeps the locale the proxy set, for its second run on the rewritten path', () => {
    const first = new Headers();
    setProvenLocale(first, 'es');
    const second = new Headers(first);
    keepOnlyProvenLocale(second);
    expect(second.get(LOCALE_HEADER)).toBe('es');
    expect(hasProvenLocale(second)).toBe(true);
  });
});
