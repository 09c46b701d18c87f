import { describe, expect, it } from 'vitest';
import { suggestField } from './suggestField.js';

describe('suggestField', () => {
  const fields = ['flow', 'amount', 'unit', 'from', 'factor', 'vintage', 'recycled', 'category'];

  it('finds the field one or two edits away', () => {
    expect(suggestField('amout', fields)).toBe('amount');
    expect(suggestField('facotr', fields)).toBe('factor'); // one transposition
    expect(suggestField('recyled', fields)).toBe('recycled');
    expect(suggestField('Unit', fields)).toBe('unit');
  });

  it('suggests nothing for names that are not close', () => {
    expect(suggestField('colour', fields)).toBeUndefined();
    expect(suggestField('x', fields)).toBeUndefined();
  });
});
