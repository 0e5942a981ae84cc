import { reminderWindow } from './reminder-window';

describe('reminderWindow', () => {
  it.each([
    [
      'the 18:00 run in Shanghai covers the rest of today and all of tomorrow',
      '2026-10-12T10:00:00Z',
      'Asia/Shanghai',
      '2026-10-13T16:00:00Z',
    ],
    ['just before local midnight the window still ends after tomorrow', '2026-10-12T15:59:00Z', 'Asia/Shanghai', '2026-10-13T16:00:00Z'],
    ['just after local midnight it moves a day on', '2026-10-12T16:01:00Z', 'Asia/Shanghai', '2026-10-14T16:00:00Z'],
    ['across a daylight-saving change the local midnight is kept', '2026-03-07T23:00:00Z', 'America/New_York', '2026-03-09T04:00:00Z'],
  ])('%s', (_name, now, timezone, to) => {
    expect(reminderWindow(new Date(now), timezone)).toEqual({ from: new Date(now), to: new Date(to) });
  });
});
