import { describe, expect, it } from 'vitest';
import { COST_TYPES, costTypeField, costTypeFromText } from './cost-type';
import { expenditureFieldsSchema } from './expenditures/input';

describe('cost types', () => {
  it('reads the names people write', () => {
    expect(costTypeFromText('Salaries')).toBe('salaries');
    expect(costTypeFromText(' program supplies ')).toBe('program_supplies');
    expect(costTypeFromText('Program_facilities')).toBe('program_facilities');
    expect(costTypeFromText('Administrative costs')).toBe('administrative');
    expect(costTypeFromText('Admin')).toBe('administrative');
    expect(costTypeFromText('Audit costs')).toBe('audit');
    expect(costTypeFromText('Travel')).toBeNull();
    expect(COST_TYPES).toHaveLength(7);
  });

  it('is optional on a form: empty is none, an unknown name is refused with the choices', () => {
    expect(costTypeField.parse('')).toBeNull();
    expect(costTypeField.parse(undefined)).toBeNull();
    expect(costTypeField.parse('audit')).toBe('audit');
    const refused = costTypeField.safeParse('Travel');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe(
      '"Travel" is not a cost type. Use one of "Salaries", "Subcontracts", "Program facilities", "Program support", "Program supplies", "Administrative costs", "Audit costs", or leave it empty.',
    );
  });

  it('a payment form without the field keeps working (null: the allocation’s own)', () => {
    const parsed = expenditureFieldsSchema.parse({ allocationId: '3', paidOn: '2025-01-02', amount: '10.00', description: '' });
    expect(parsed.costType).toBeNull();
  });
});
