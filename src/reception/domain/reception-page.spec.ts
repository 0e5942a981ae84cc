import { renderReceptionPage, ReceptionView } from './reception-page';

const view = (over: Partial<ReceptionView> = {}): ReceptionView => ({
  stationName: '刑事值班点',
  courtName: '溧阳市人民法院',
  timezone: 'Asia/Shanghai',
  at: '2026-10-12T10:00:00+08:00',
  onDuty: { name: '王律师', phone: '13800000001', shiftStart: '2026-10-12T09:00:00+08:00', shiftEnd: '2026-10-12T12:00:00+08:00' },
  next: { name: '李律师', phone: '13800000002', shiftStart: '2026-10-12T13:30:00+08:00', shiftEnd: '2026-10-12T17:00:00+08:00' },
  fallbackPhone: '12348',
  ...over,
});

describe('reception screen 法院前台值班屏', () => {
  it('shows who is on duty with phone and who is next, refreshing every minute', () => {
    const html = renderReceptionPage(view());
    expect(html).toContain('<meta http-equiv="refresh" content="60">');
    expect(html).toContain('王律师');
    expect(html).toContain('电话 13800000001');
    expect(html).toContain('今天 09:00–12:00');
    expect(html).toContain('李律师');
    expect(html).toContain('今天 13:30–17:00');
  });

  it('shows the fallback phone when nobody is on duty and names the next day in Chinese', () => {
    const html = renderReceptionPage(
      view({
        onDuty: null,
        next: { name: '李律师', phone: '1', shiftStart: '2026-10-15T09:00:00+08:00', shiftEnd: '2026-10-15T12:00:00+08:00' },
      }),
    );
    expect(html).toContain('当前无值班律师');
    expect(html).toContain('请拨打 12348');
    expect(html).toContain('10月15日 星期四 09:00–12:00');
  });

  it('says 明天 for tomorrow and 暂无排班 when nothing is scheduled', () => {
    const tomorrow = renderReceptionPage(
      view({ next: { name: '李律师', phone: '1', shiftStart: '2026-10-13T09:00:00+08:00', shiftEnd: '2026-10-13T12:00:00+08:00' } }),
    );
    expect(tomorrow).toContain('明天 09:00–12:00');
    expect(renderReceptionPage(view({ next: null }))).toContain('暂无排班');
  });

  it('escapes names so a lawyer record cannot inject markup (rule 12: nothing but who is on duty)', () => {
    const html = renderReceptionPage(view({ onDuty: { ...view().onDuty!, name: '<script>x</script>' } }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
