import { lawyerBody } from './factories/lawyer.factory';
import { startApp, TestApp } from './helpers/app';

/** The audit trail as the console's /audit searches it: by entity, by actor, a page at a time. */
describe('audit trail search (e2e)', () => {
  let t: TestApp;
  const users: Record<'jia' | 'yi', { id: string; agent: ReturnType<TestApp['as']> }> = {} as never;
  let lawyerId: string;

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T02:00:00Z' });
    for (const [key, name] of [
      ['jia', '调度员甲'],
      ['yi', '调度员乙'],
    ] as const) {
      const u = (await t.admin.post('/api/v1/users').send({ name, role: 'dispatcher' }).expect(201)).body;
      users[key] = { id: u.id, agent: t.as(u.token) };
    }
    lawyerId = (await users.jia.agent.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body.id;
    t.clock.set('2026-10-12T03:00:00Z');
    await users.yi.agent.patch(`/api/v1/lawyers/${lawyerId}`).send({ phone: '13900000000' }).expect(200);
    t.clock.set('2026-10-12T04:00:00Z');
    await users.yi.agent.post('/api/v1/lawyers').send(lawyerBody()).expect(201);
  });
  afterAll(() => t.close());

  it("finds an entity's history with each actor's name, times in the court's zone", async () => {
    const res = await users.jia.agent.get(`/api/v1/audit?entity=lawyer&id=${lawyerId}`).expect(200);
    expect(res.headers['x-total-count']).toBe('2');
    expect(res.body.map((e: Record<string, unknown>) => [e.action, e.actorName, e.at])).toEqual([
      ['lawyer.create', '调度员甲', '2026-10-12T10:00:00+08:00'],
      ['lawyer.update', '调度员乙', '2026-10-12T11:00:00+08:00'],
    ]);
  });

  it('finds what one actor did, newest first, a page at a time', async () => {
    const all = await t
      .as(await t.tokenFor('supervisor'))
      .get(`/api/v1/audit?actorId=${users.yi.id}&order=desc`)
      .expect(200);
    expect(all.body.map((e: { action: string }) => e.action)).toEqual(['lawyer.create', 'lawyer.update']);
    expect(all.body.every((e: { actorId: string }) => e.actorId === users.yi.id)).toBe(true);
    const second = await users.jia.agent.get(`/api/v1/audit?actorId=${users.yi.id}&order=desc&limit=1&offset=1`).expect(200);
    expect(second.headers['x-total-count']).toBe('2');
    expect(second.body.map((e: { action: string }) => e.action)).toEqual(['lawyer.update']);
  });

  it('lists the actors of the trail by name for the filter', async () => {
    const res = await users.jia.agent.get('/api/v1/audit/actors').expect(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        { id: users.jia.id, name: '调度员甲', role: 'dispatcher' },
        { id: users.yi.id, name: '调度员乙', role: 'dispatcher' },
      ]),
    );
  });

  it('rejects a bad filter naming the field', async () => {
    const res = await users.jia.agent.get('/api/v1/audit?order=sideways').expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['order']);
    await users.jia.agent.get('/api/v1/audit?limit=0').expect(400);
  });
});
