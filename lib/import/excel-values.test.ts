import { describe, expect, it } from 'vitest';
import {
  excelDateToIsoDate,
  excelNumberText,
  excelSerialToIsoDate,
  formatDecimals,
  isDateFormat,
  roundDecimalText,
} from './excel-values';

describe('excelSerialToIsoDate', () => {
  it.each([
    [45731, '2025-03-15'],
    [45731.75, '2025-03-15'], // the time of day is dropped, not rounded into the next day
    [45566, '2024-10-01'],
    [61, '1900-03-01'],
    [59, '1900-02-28'],
    [1, '1900-01-01'],
    [2958465, '9999-12-31'],
  ])('serial %d is %s in the 1900 system', (serial, iso) => {
    expect(excelSerialToIsoDate(serial)).toBe(iso);
  });

  it('counts from 1904-01-01 in the 1904 system', () => {
    expect(excelSerialToIsoDate(0, true)).toBe('1904-01-01');
    expect(excelSerialToIsoDate(45731 - 1462, true)).toBe('2025-03-15');
  });

  it('reads the Date exceljs builds in UTC', () => {
    expect(excelDateToIsoDate(new Date(Date.UTC(2025, 2, 15)))).toBe('2025-03-15');
  });
});

describe('excelNumberText', () => {
  it.each([
    [1234.56, undefined, '1234.56'],
    [1234.5599999999999, undefined, '1234.56'],
    [0.1 + 0.2, undefined, '0.3'],
    [2025, undefined, '2025'],
    [-0, undefined, '0'],
    [-500, '#,##0.00', '-500'],
    [12.345, undefined, '12.345'], // not rounded silently: parseMoney will say why it is refused
    [12.345, 'General', '12.345'],
    [185.175, '#,##0.00', '185.18'], // two-decimal format: rounded as Excel displays it
    [185.175, '"$"#,##0.00_);("$"#,##0.00)', '185.18'],
    [-1234.565, '#,##0.00', '-1234.57'],
    [1234.56, '#,##0', '1234.56'], // a format hiding cents does not drop them
    [2.7e-17, '#,##0.00', '0'],
    [1e21, undefined, '1e+21'],
  ])('%d with format %j is %j', (value, format, text) => {
    expect(excelNumberText(value, format)).toBe(text);
  });
});

describe('roundDecimalText', () => {
  it.each([
    ['1234.565', '1234.57'],
    ['1234.564', '1234.56'],
    ['0.995', '1.00'],
    ['-0.004', '0.00'],
    ['-0.005', '-0.01'],
    ['7', '7'],
    ['0.05', '0.05'],
  ])('%s → %s', (input, output) => {
    expect(roundDecimalText(input, 2)).toBe(output);
  });
});

describe('number formats', () => {
  it.each([
    ['#,##0.00', 2],
    ['0.00', 2],
    ['_($* #,##0.00_);_($* (#,##0.00);_($* "-"??_);_(@_)', 2],
    ['0', 0],
    ['#,##0.0', 1],
    ['0.00%', null],
    ['0.00E+00', null],
    ['General', null],
    [undefined, null],
  ] as const)('%j shows %j decimals', (format, decimals) => {
    expect(formatDecimals(format)).toBe(decimals);
  });

  it.each([
    ['yyyy-mm-dd', true],
    ['m/d/yyyy', true],
    ['[$-409]mmmm d, yyyy;@', true],
    ['#,##0.00', false],
    ['"days" 0', false],
    ['General', false],
  ])('%j is a date format: %s', (format, isDate) => {
    expect(isDateFormat(format)).toBe(isDate);
  });
});
