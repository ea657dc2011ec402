import { describe, expect, it } from 'vitest';
import { shortenText } from './shorten';

describe('shortenText', () => {
  it('keeps short text and cuts long text with an ellipsis, to the length asked', () => {
    expect(shortenText('naloxone', 10)).toBe('naloxone');
    expect(shortenText('naloxone kits', 8)).toBe('naloxon…');
    expect(Array.from(shortenText('x'.repeat(100), 80))).toHaveLength(80);
  });
  it('never leaves half of an emoji (a lone surrogate) at the cut', () => {
    const cut = shortenText(`${'a'.repeat(6)}👩🏽‍⚕️ and more`, 8);
    expect(cut).toBe(`${'a'.repeat(6)}👩…`);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
