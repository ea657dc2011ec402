import { describe, expect, it } from 'vitest';
import { formDataToObject } from './form-data-to-object';

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('formDataToObject', () => {
  it('nests dotted names and turns numbered keys into arrays, in order', () => {
    expect(
      formDataToObject(
        form([
          ['program', 'Naloxone'],
          ['splits.1.categoryId', '9'],
          ['splits.1.percent', '40'],
          ['splits.0.categoryId', '3'],
          ['splits.0.percent', '60'],
        ]),
      ),
    ).toEqual({ program: 'Naloxone', splits: [{ categoryId: '3', percent: '60' }, { categoryId: '9', percent: '40' }] });
  });

  it('closes gaps left by removed rows', () => {
    expect(formDataToObject(form([['splits.3.percent', '100']]))).toEqual({ splits: [{ percent: '100' }] });
  });

  it('keeps the first of repeated names, and ignores names that could reach a prototype', () => {
    const result = formDataToObject(form([['id', '1'], ['id', '2'], ['__proto__.polluted', 'yes'], ['constructor.prototype.x', 'y']]));
    expect(result).toEqual({ id: '1', constructor: { prototype: { x: 'y' } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
