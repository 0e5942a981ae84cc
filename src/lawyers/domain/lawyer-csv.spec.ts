import { parseLawyerCsv } from './lawyer-csv';

const HEADER = 'name,licenseNo,firm,phone,email,juvenileExperience,criminalPracticeSince,poolTier,weight,maxOpenCases';
const row = (over: Partial<Record<string, string>> = {}) => {
  const v = {
    name: '张三',
    licenseNo: '13204201910123456',
    firm: '溧阳律师事务所',
    phone: '13800000000',
    email: 'z@example.com',
    juvenileExperience: '是',
    criminalPracticeSince: '2015-03-01',
    poolTier: 'core',
    weight: '1',
    maxOpenCases: '10',
    ...over,
  };
  return [
    v.name,
    v.licenseNo,
    v.firm,
    v.phone,
    v.email,
    v.juvenileExperience,
    v.criminalPracticeSince,
    v.poolTier,
    v.weight,
    v.maxOpenCases,
  ].join(',');
};

describe('parseLawyerCsv', () => {
  it('parses a UTF-8 file with a BOM and Chinese booleans', () => {
    const { rows, errors } = parseLawyerCsv(`\uFEFF${HEADER}\n${row()}\n`);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0].lawyer).toMatchObject({ name: '张三', juvenileExperience: true, weight: 1, maxOpenCases: 10 });
  });

  it('splits dutyStationIds on ; and |', () => {
    const ids = ['6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01', '6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a02'];
    const { rows } = parseLawyerCsv(`${HEADER},dutyStationIds\n${row()},${ids.join(';')}\n`);
    expect(rows[0].lawyer.dutyStationIds).toEqual(ids);
  });

  it.each([
    ['a licence number of 16 digits', { licenseNo: '1320420191012345' }, 'licenseNo'],
    ['a date that does not exist', { criminalPracticeSince: '2015-02-30' }, 'criminalPracticeSince'],
    ['an unknown pool tier', { poolTier: 'gold' }, 'poolTier'],
    ['a boolean that is neither', { juvenileExperience: 'perhaps' }, 'juvenileExperience'],
    ['a weight that is not a number', { weight: 'heavy' }, 'weight'],
    ['a bad e-mail', { email: 'nobody' }, 'email'],
  ])('reports %s with its row and field', (_, over, field) => {
    const { errors } = parseLawyerCsv(`${HEADER}\n${row()}\n${row({ licenseNo: '13204201910123457', ...over })}\n`);
    expect(errors).toEqual([expect.objectContaining({ row: 3, field })]);
  });

  it('reports a licence number repeated inside the file', () => {
    const { errors } = parseLawyerCsv(`${HEADER}\n${row()}\n${row()}\n`);
    expect(errors).toEqual([{ row: 3, field: 'licenseNo', reason: 'duplicates row 2' }]);
  });

  it('reports unknown and missing columns against the header', () => {
    const { errors } = parseLawyerCsv('name,licenseNo,nickname\nx,1,y\n');
    expect(errors).toEqual(
      expect.arrayContaining([
        { row: 1, field: 'nickname', reason: 'unknown column' },
        { row: 1, field: 'firm', reason: 'missing column' },
      ]),
    );
  });

  it('reports a row with the wrong number of cells', () => {
    const { errors } = parseLawyerCsv(`${HEADER}\n张三,1\n`);
    expect(errors).toEqual([{ row: 2, field: 'row', reason: 'has 2 cells, the header has 10' }]);
  });

  it('reports an empty file', () => {
    expect(parseLawyerCsv('').errors).toEqual([{ row: 1, field: 'file', reason: 'empty file: a header row is required' }]);
  });
});
