let seq = 0;
/** Per test file, so licence numbers stay unique across apps sharing one PostgreSQL. */
const base = `1${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** A valid POST /api/v1/lawyers body; every call gets a fresh licence number. */
export function lawyerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    name: `律师${seq}`,
    licenseNo: `${base}${String(seq).padStart(9, '0')}`,
    firm: `律师事务所${seq % 5}`,
    phone: `1380000${String(seq).padStart(4, '0')}`,
    email: `lawyer${seq}@example.com`,
    juvenileExperience: false,
    criminalPracticeSince: '2015-01-01',
    poolTier: 'core',
    ...overrides,
  };
}
