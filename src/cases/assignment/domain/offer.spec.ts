import { offerExpired, offerRespondBy, shownStatus } from './offer';

const TZ = 'Asia/Shanghai';

describe('offerRespondBy (Art 6: the lawyer answers within the window, never past the appointment deadline)', () => {
  it.each<[string, string, number, string, string | null]>([
    ['Art 6 — 24 h window well inside the deadline', '2026-10-12T02:00:00Z', 24, '2026-10-15', '2026-10-13T02:00:00.000Z'],
    [
      'Art 6 — the window is cut at the end of the appointBy day (court time)',
      '2026-10-15T02:00:00Z',
      24,
      '2026-10-15',
      '2026-10-15T16:00:00.000Z',
    ],
    ['Art 6 — a 2 h window', '2026-10-12T02:00:00Z', 2, '2026-10-15', '2026-10-12T04:00:00.000Z'],
    ['Art 6 — deadline already passed → no offer (appoint directly)', '2026-10-16T02:00:00Z', 24, '2026-10-15', null],
  ])('%s', (_label, now, hours, appointBy, expected) => {
    const by = offerRespondBy(new Date(now), hours, appointBy, TZ);
    expect(by ? by.toISOString() : null).toBe(expected);
  });
});

describe('offerExpired and shownStatus', () => {
  it.each([
    ['Art 6 — at respondBy still in time', '2026-10-13T02:00:00.000Z', '2026-10-13T02:00:00.000Z', false],
    ['Art 6 — a millisecond later expired', '2026-10-13T02:00:00.000Z', '2026-10-13T02:00:00.001Z', true],
  ])('%s', (_label, respondBy, now, expected) => {
    expect(offerExpired(respondBy, new Date(now))).toBe(expected);
  });

  it.each([
    ['an accepted offer reads accepted', { status: 'active', respondBy: '2026-10-13T02:00:00.000Z' }, 'accepted'],
    ['a direct appointment reads active', { status: 'active', respondBy: null }, 'active'],
    ['a pending offer reads offered', { status: 'offered', respondBy: '2026-10-13T02:00:00.000Z' }, 'offered'],
    ['a declined one reads declined', { status: 'declined', respondBy: '2026-10-13T02:00:00.000Z' }, 'declined'],
  ])('%s', (_label, a, expected) => {
    expect(shownStatus(a)).toBe(expected);
  });
});
