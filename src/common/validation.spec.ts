import { IsInt, IsString, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { isInstant, IsLocalDate } from './validation';
import { flattenValidationErrors } from './validation-errors';

class Inner {
  @IsLocalDate() birthDate: string;
}
class Outer {
  @IsString() name: string;
  @IsInt() count: number;
  @ValidateNested() @Type(() => Inner) defendant: Inner;
}

describe('validation', () => {
  it('names nested fields with dotted paths and gives the reason', () => {
    const o = plainToInstance(Outer, { name: 3, count: 1, defendant: { birthDate: '2026-02-30' } });
    const details = flattenValidationErrors(validateSync(o));
    expect(details).toEqual([
      { field: 'name', reason: 'name must be a string' },
      { field: 'defendant.birthDate', reason: 'must be a real date YYYY-MM-DD' },
    ]);
  });

  it.each([
    ['2026-10-10T09:00:00+08:00', true],
    ['2026-10-10T01:00:00Z', true],
    ['2026-10-10T01:00:00.123Z', true],
    ['2026-10-10T09:00:00', false],
    ['2026-02-30T09:00:00Z', false],
    ['yesterday', false],
  ])('isInstant(%p) = %p', (value, expected) => {
    expect(isInstant(value)).toBe(expected);
  });
});
