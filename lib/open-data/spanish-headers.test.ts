import { describe, expect, it } from 'vitest';
import { DOWNLOAD_COLUMN_NAMES } from './downloads';
import { SPANISH_HEADERS } from './spanish-headers';

describe('Spanish headers of the CSV downloads', () => {
  it('name every column of every download, in words that are not the English column name', () => {
    const missing = DOWNLOAD_COLUMN_NAMES.filter((name) => !SPANISH_HEADERS[name]?.trim() || SPANISH_HEADERS[name] === name);
    expect(missing).toEqual([]);
  });

  it('name no column that does not exist (a typo in a key)', () => {
    expect(Object.keys(SPANISH_HEADERS).filter((name) => !DOWNLOAD_COLUMN_NAMES.includes(name))).toEqual([]);
  });

  it('give each column its own header, so no two columns of a file read the same', () => {
    const headers = Object.values(SPANISH_HEADERS);
    expect(headers.filter((header, index) => headers.indexOf(header) !== index)).toEqual([]);
  });
});
