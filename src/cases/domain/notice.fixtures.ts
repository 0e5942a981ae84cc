import type { CourtNotice, NoticeDefendant } from './notice.types';

/** Test fixture for the case rules' specs: an adult, detained, ordinary-procedure notice. */
export function notice(over: Partial<CourtNotice> = {}, defendant: Partial<NoticeDefendant> = {}): CourtNotice {
  return {
    courtCaseNo: '(2026)苏0481刑初100号',
    courtName: '溧阳市人民法院',
    stationId: 'st-1',
    procedure: 'ordinary',
    charges: ['盗窃罪'],
    possibleSentence: 'ordinary',
    offenceDate: '2026-03-01',
    defendant: { name: '张三', birthDate: '1990-05-05', detained: true, detentionPlace: '溧阳市看守所', ...defendant },
    judge: { name: '李法官', phone: '0519-87000000' },
    ...over,
  };
}
