import { describe, expect, it } from 'vitest';
import { describePublicChanges, publicChangeFacts } from '@/lib/data/public-line';
import { wordsFor } from '@/lib/i18n/testing';
import { historyActionLabel, historyChangeWords } from './line-history-view';

const before = {
  program: 'Old name',
  description: '',
  amountCents: '100',
  fiscalYear: 2025,
  recipient: { name: 'Harbor Clinic' },
  source: null,
  splits: [{ categoryKey: 'moud', frameworkKey: 'health-first', categoryLabel: 'MOUD (old label)', shareBasisPoints: 10000 }],
};
const after = {
  program: 'New name',
  description: 'Buprenorphine at the county clinic.',
  amountCents: '123456',
  fiscalYear: 2026,
  recipient: null,
  source: { name: 'Opioid Settlement Fund' },
  splits: [
    { categoryKey: 'moud', frameworkKey: 'health-first', categoryLabel: 'MOUD (old label)', shareBasisPoints: 6000 },
    { categoryLabel: 'A category of an old record', shareBasisPoints: 4000 },
  ],
};

describe('a line’s public history in the reader’s words', () => {
  it('in English, says exactly what the history’s own English words say', () => {
    const en = wordsFor('en');
    expect(publicChangeFacts(before, after).map((change) => historyChangeWords(change, en))).toEqual(describePublicChanges(before, after));
    expect(describePublicChanges(before, after)).toEqual([
      { field: 'Program', from: 'Old name', to: 'New name' },
      { field: 'Description', from: '(empty)', to: 'Buprenorphine at the county clinic.' },
      { field: 'Amount', from: '$1.00', to: '$1,234.56' },
      { field: 'Fiscal year', from: 'FY2025', to: 'FY2026' },
      { field: 'Recipient', from: 'Harbor Clinic', to: 'none' },
      { field: 'Funding source', from: 'none', to: 'Opioid Settlement Fund' },
      { field: 'Categories', from: 'MOUD (old label) 100%', to: 'MOUD (old label) 60%; A category of an old record 40%' },
    ]);
    expect(historyActionLabel({ action: 'return', label: 'Returned for changes' }, en)).toBe('Returned for changes');
    expect(historyActionLabel({ action: 'return_to_draft', label: 'Taken back to draft' }, en)).toBe('Taken back to draft');
  });

  it('in Spanish: field names, none and empty, AF years, es-US money and a category by its Spanish name', () => {
    const es = wordsFor('es');
    const changes = publicChangeFacts(before, after).map((change) => historyChangeWords(change, es));
    expect(changes.map((c) => c.field)).toEqual(['Programa', 'Descripción', 'Cantidad', 'Año fiscal', 'Destinatario', 'Fuente de financiamiento', 'Categorías']);
    expect(changes[0]).toEqual({ field: 'Programa', from: 'Old name', to: 'New name' });
    expect(changes[1]?.from).toBe('(vacío)');
    expect(changes[2]).toMatchObject({ from: '$1.00', to: '$1,234.56' });
    expect(changes[3]).toMatchObject({ from: 'AF 2025', to: 'AF 2026' });
    expect(changes[4]?.to).toBe('ninguno');
    expect(changes[6]?.to).toMatch(/^Medicamentos para el trastorno por consumo de opioides .* 60%; A category of an old record 40%$/);
    expect(historyActionLabel({ action: 'approve', label: 'Approved' }, es)).toBe('Aprobada');
    // An action Abate has no words for keeps the code-like label it has in English.
    expect(historyActionLabel({ action: 'merge_lines', label: 'merge lines' }, es)).toBe('merge lines');
  });
});
