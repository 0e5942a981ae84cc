import { IsInt, IsNotEmpty, IsString, MaxLength, ValidateNested, validateSync } from 'class-validator';
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

  it('calls a missing field required, whatever rule it fails first (the sign-in without a username said "shorter than 50")', () => {
    class SignIn {
      @IsString() @IsNotEmpty() @MaxLength(50) username: string;
    }
    const errors = (body: object) => flattenValidationErrors(validateSync(plainToInstance(SignIn, body), { stopAtFirstError: true }));
    expect(errors({})).toEqual([{ field: 'username', reason: 'is required' }]);
    expect(errors({ username: '' })).toEqual([{ field: 'username', reason: 'username should not be empty' }]);
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
