import { describe, expect, it } from 'vitest';
import {
  fieldForHeader,
  IMPORT_FIELDS,
  missingRequiredFields,
  normalizeHeader,
  parseMapArgument,
  REQUIRED_FIELDS,
  suggestMapping,
} from './fields';

describe('import fields', () => {
  it('lists the fields and the required ones', () => {
    expect(IMPORT_FIELDS).toEqual([
      'fiscal_year', 'program', 'description', 'recipient', 'recipient_type', 'category', 'amount', 'spent', 'cost_type',
      'source', 'status',
    ]);
    expect(REQUIRED_FIELDS).toEqual(['fiscal_year', 'program', 'amount']);
    // A report of money spent with no budget column needs no amount column; a category may be left out.
    expect(missingRequiredFields(new Set(['fiscal_year', 'program', 'spent'] as const))).toEqual([]);
    expect(missingRequiredFields(new Set(['fiscal_year', 'category'] as const))).toEqual(['amount']);
    expect(missingRequiredFields(new Set(['fiscal_year', 'amount'] as const))).toEqual(['program']);
  });

  it('normalizes headers ignoring case, spaces, punctuation and underscores', () => {
    expect(normalizeHeader(' Amount allocated ($) ')).toBe('amountallocated');
    expect(normalizeHeader('fiscal_year')).toBe('fiscalyear');
    expect(normalizeHeader('Recipient-Type')).toBe('recipienttype');
  });

  it.each([
    ['fiscal_year', 'fiscal_year'],
    ['Fiscal Year', 'fiscal_year'],
    ['FY', 'fiscal_year'],
    ['Program name', 'program'],
    ['Project', 'program'],
    ['Amount allocated', 'amount'],
    ['Allocated', 'amount'],
    ['BUDGET', 'amount'],
    ['Amount ($)', 'amount'],
    ['Amount spent', 'spent'],
    ['Expended', 'spent'],
    ['Spent to date', 'spent'],
    ['Vendor', 'recipient'],
    ['Recipient organization', 'recipient'],
    ['Recipient type', 'recipient_type'],
    ['Funding source', 'source'],
    ['Settlement', 'source'],
    ['Category', 'category'],
    ['Strategy', 'category'],
    ['Categories', 'category'],
    ['Description', 'description'],
    ['Status', 'status'],
    // What real reports call money and who gets it (Massachusetts municipal report, NC spending authorization).
    ['Amount Expended', 'spent'],
    ['Amount Authorized', 'amount'],
    ['Amount Appropriated', 'amount'],
    ['Department / Vendor', 'recipient'],
    ['Funded Entity', 'recipient'],
    ['Department', 'recipient'],
    ['Vendor / Payee', 'recipient'],
    ['Strategy Name', 'category'],
    ['Approved Strategy', 'category'],
    ['Funded Strategy', 'category'],
    ['Line Item', 'program'],
    ['Period', 'fiscal_year'],
    ['Authorization Period', 'fiscal_year'],
    ['Term', 'fiscal_year'],
  ] as const)('recognises %j as %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(['Name', 'Total', 'Notes', 'Type', '', '   '])('does not guess at %j', (header) => {
    expect(fieldForHeader(header)).toBeNull();
  });

  it('suggests a mapping for every header, null for unknown ones', () => {
    expect(suggestMapping(['FY', 'Project', 'Notes', 'Budget', 'Strategy'])).toEqual({
      FY: 'fiscal_year',
      Project: 'program',
      Notes: null,
      Budget: 'amount',
      Strategy: 'category',
    });
  });

  it('gives a field to the leftmost header only', () => {
    expect(suggestMapping(['Budget', 'Amount allocated'])).toEqual({ Budget: 'amount', 'Amount allocated': null });
  });

  it('lets a remembered mapping win over synonyms, matched exactly or by normalized header', () => {
    const mapping = suggestMapping(['Budget', 'Adopted FY26', 'Line'], { 'adopted fy26': 'amount', Line: 'program' });
    expect(mapping).toEqual({ Budget: null, 'Adopted FY26': 'amount', Line: 'program' });
  });

  it('ignores remembered entries that are not import fields', () => {
    const remembered = { Budget: 'money' } as unknown as Record<string, 'amount'>;
    expect(suggestMapping(['Budget'], remembered)).toEqual({ Budget: 'amount' });
  });

  it('treats a header named __proto__ as an ordinary key of a plain object', () => {
    const mapping = suggestMapping(['__proto__', 'Amount'], { __proto__: 'program' } as Record<string, 'program'>);
    expect(Object.keys(mapping)).toEqual(['__proto__', 'Amount']);
    expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
    expect(mapping.Amount).toBe('amount');
    const parsed = parseMapArgument('__proto__=program');
    expect(parsed.ok && Object.keys(parsed.mapping)).toEqual(['__proto__']);
    expect(parsed.ok && Object.getPrototypeOf(parsed.mapping)).toBe(Object.prototype);
  });
});

describe('parseMapArgument', () => {
  it('parses Header=field pairs', () => {
    expect(parseMapArgument('Adopted=amount, Line item=program,FY = fiscal_year')).toEqual({
      ok: true,
      mapping: { Adopted: 'amount', 'Line item': 'program', FY: 'fiscal_year' },
    });
  });

  it('forgives case, spaces and hyphens in field names', () => {
    expect(parseMapArgument('Year=Fiscal Year,Kind=recipient-type')).toEqual({
      ok: true,
      mapping: { Year: 'fiscal_year', Kind: 'recipient_type' },
    });
  });

  it('accepts quoted headers holding commas or equals signs', () => {
    expect(parseMapArgument('"Amount, allocated"=amount,"A=B"=program')).toEqual({
      ok: true,
      mapping: { 'Amount, allocated': 'amount', 'A=B': 'program' },
    });
  });

  it('refuses unknown fields with a reason naming the valid ones', () => {
    expect(parseMapArgument('Budget=money')).toEqual({
      ok: false,
      reason:
        '"money" (for column "Budget") is not an import field; use one of fiscal_year, program, description, ' +
        'recipient, recipient_type, category, amount, spent, cost_type, source, status',
    });
  });

  it.each([
    ['Budget', '"Budget" has no "=": write Header=field'],
    ['=amount', '"=amount" has no column header before "="'],
    ['', 'the map is empty: write Header=field,…'],
    ['"Budget=amount', 'the map has a double quote that is never closed'],
    ['Budget=amount,Adopted=amount', 'both "Budget" and "Adopted" are mapped to amount; a field takes one column'],
    ['Budget=amount,Budget=spent', 'column "Budget" is mapped twice, to amount and to spent'],
  ])('refuses %j', (argument, reason) => {
    expect(parseMapArgument(argument)).toEqual({ ok: false, reason });
  });
});
