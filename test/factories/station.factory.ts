let seq = 0;

/** A valid POST /api/v1/stations body: a morning and an afternoon slot with a lunch gap. */
export function stationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    name: `刑事值班点${seq}`,
    courtName: '溧阳市人民法院',
    shiftTemplates: [
      { name: '上午', start: '09:00', end: '12:00' },
      { name: '下午', start: '13:30', end: '17:00' },
    ],
    fallbackPhone: '0519-12348',
    ...overrides,
  };
}
