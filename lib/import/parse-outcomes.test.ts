import { describe, expect, it } from 'vitest';
import { MEASURE_KEYS, MEASURES } from '@/lib/outcomes/measures';
import { parseImportKind } from './kind-fields';
import { measureFromText } from './parse-outcomes';

describe('measureFromText', () => {
  it('reads every measure by its label and its key, in any case', () => {
    for (const key of MEASURE_KEYS) {
      expect(measureFromText(MEASURES[key].label.toUpperCase())).toBe(key);
      expect(measureFromText(key)).toBe(key);
    }
  });

  it('reads the names program reports use', () => {
    expect(measureFromText('Naloxone kits distributed')).toBe('naloxone_kits');
    expect(measureFromText('Narcan kits')).toBe('naloxone_kits');
    expect(measureFromText('People served')).toBe('people_served');
    expect(measureFromText('Overdose reversals')).toBe('overdose_reversals');
    expect(measureFromText('90-day retention')).toBe('moud_retained_90_days');
    expect(measureFromText('People reached')).toBe('outreach_contacts');
    expect(measureFromText('Other')).toBe('other');
    expect(measureFromText('Happiness')).toBeNull();
  });
});

describe('parseImportKind', () => {
  it('takes outcomes, on the command line and the web page alike', () => {
    expect(parseImportKind(' Outcomes ')).toEqual({ ok: true, kind: 'outcomes' });
    expect(parseImportKind('receipts')).toEqual({ ok: true, kind: 'receipts' });
    expect(parseImportKind(undefined)).toEqual({ ok: true, kind: 'allocations' });
    expect(parseImportKind('outcome')).toEqual({
      ok: false,
      reason: 'unknown kind "outcome"; use --kind allocations|receipts|expenditures|expected-payments|outcomes',
    });
  });
});
