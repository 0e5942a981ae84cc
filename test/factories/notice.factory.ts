let seq = 0;
const base = Math.floor(Math.random() * 1e6);

/** A complete POST /api/v1/court-notices body (ordinary procedure, adult, detained); every call a new case number. */
export function noticeBody(stationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  const { defendant, ...rest } = overrides;
  return {
    courtCaseNo: `（2026）苏0481刑初${base + seq}号`,
    courtName: '溧阳市人民法院',
    stationId,
    procedure: 'ordinary',
    charges: ['盗窃罪'],
    possibleSentence: 'ordinary',
    offenceDate: '2026-05-01',
    defendant: {
      name: `张${seq}`,
      birthDate: '1990-03-15',
      gender: 'male',
      detained: true,
      detentionPlace: '溧阳市看守所',
      ...(defendant as object),
    },
    judge: { name: '李法官', phone: '0519-87000001' },
    trialAt: '2026-10-30T09:00:00+08:00',
    trialPlace: '第三法庭',
    indictmentAttached: true,
    ...rest,
  };
}
