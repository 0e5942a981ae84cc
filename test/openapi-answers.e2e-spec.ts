import Ajv, { ValidateFunction } from 'ajv';
import type { Response } from 'supertest';
import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { caseSetup, CaseSetup } from './helpers/case-setup';

type Schema = Record<string, unknown>;
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
};

/**
 * The document as a strict JSON schema: OpenAPI 3.0's `nullable` becomes a null alternative,
 * and an object that lists its properties admits no others, so a field the code answers but the
 * document leaves out fails as surely as a missing or mistyped one.
 */
function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Schema;
  const out: Schema = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === 'properties' ? mapValues(v, strict) : strict(v)]));
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (out.$ref) out.$ref = String(out.$ref).replace('#/components/schemas/', 'doc#/components/schemas/');
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}
const mapValues = (o: unknown, f: (v: unknown) => unknown) => Object.fromEntries(Object.entries(o as Schema).map(([k, v]) => [k, f(v)]));

/** Real answers validate against the schemas the document gives for them (the document cannot lie). */
describe('OpenAPI answers match the document (e2e)', () => {
  let s: CaseSetup;
  let doc: Doc;
  let ajv: Ajv;
  beforeAll(async () => {
    s = await caseSetup();
    doc = (await s.t.http.get('/api/docs-json').expect(200)).body as Doc;
    ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'doc', components: strict(doc.components) }, 'doc');
  });
  afterAll(() => s.t.close());

  const validatorFor = (method: string, path: string, status: number, type = 'application/json'): ValidateFunction => {
    const answer = doc.paths[path]?.[method]?.responses[String(status)];
    const schema = answer?.content?.[type]?.schema;
    if (!schema) throw new Error(`${method.toUpperCase()} ${path} documents no ${status} ${type} answer`);
    return ajv.compile(strict(schema) as Schema);
  };

  /** Asserts the answer's status and that its body is what the document says for that status. */
  const conforms = (method: string, path: string, res: Response, status: number) => {
    expect({ status: res.status, body: res.status === status ? undefined : res.body }).toEqual({ status, body: undefined });
    const validate = validatorFor(method, path, status);
    const ok = validate(res.body);
    expect({ operation: `${method.toUpperCase()} ${path}`, errors: ok ? null : validate.errors }).toEqual({
      operation: `${method.toUpperCase()} ${path}`,
      errors: null,
    });
    return res.body;
  };

  it('the pick and the case: notice, assign, case, cases list, lawyers, on-duty', async () => {
    const { t, dispatcher, clerk, stationId } = s;
    const lawyer = conforms(
      'post',
      '/api/v1/lawyers',
      await dispatcher.post('/api/v1/lawyers').send(lawyerBody({ dutyStationIds: [stationId] })),
      201,
    );
    await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201);
    conforms('get', '/api/v1/lawyers', await dispatcher.get('/api/v1/lawyers'), 200);
    conforms('get', '/api/v1/lawyers/{id}', await dispatcher.get(`/api/v1/lawyers/${lawyer.id}`), 200);
    const notice = conforms('post', '/api/v1/court-notices', await clerk.post('/api/v1/court-notices').send(noticeBody(stationId)), 201);
    conforms('post', '/api/v1/cases/{id}/assign', await dispatcher.post(`/api/v1/cases/${notice.caseId}/assign`).send({}), 201);
    conforms('get', '/api/v1/cases/{id}', await dispatcher.get(`/api/v1/cases/${notice.caseId}`), 200);
    // Errors: the one shape, the code among the status's catalogued codes.
    const again = conforms(
      'post',
      '/api/v1/cases/{id}/assign',
      await dispatcher.post(`/api/v1/cases/${notice.caseId}/assign`).send({}),
      409,
    );
    expect(again.code).toBe('CASE_ALREADY_ASSIGNED');
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(conforms('get', '/api/v1/cases/{id}', await dispatcher.get(`/api/v1/cases/${missing}`), 404).code).toBe('CASE_NOT_FOUND');
    conforms('post', '/api/v1/lawyers', await dispatcher.post('/api/v1/lawyers').send({ name: '' }), 400);
    conforms('get', '/api/v1/cases', await t.http.get('/api/v1/cases'), 401);
    conforms('get', '/api/v1/cases', await dispatcher.get('/api/v1/cases'), 200);
    conforms('get', '/api/v1/stations/{id}/on-duty', await dispatcher.get(`/api/v1/stations/${stationId}/on-duty`), 200);
    conforms('get', '/api/v1/auth/me', await dispatcher.get('/api/v1/auth/me'), 200);
    conforms('get', '/api/v1/users', await t.admin.get('/api/v1/users'), 200);
  });

  it('the roster: generate, read, publish, shifts, candidates', async () => {
    const { dispatcher, stationId } = s;
    const period = { from: '2026-10-19', to: '2026-10-23' };
    const roster = conforms(
      'post',
      '/api/v1/stations/{id}/rosters',
      await dispatcher.post(`/api/v1/stations/${stationId}/rosters`).send(period),
      201,
    );
    conforms('get', '/api/v1/rosters/{id}', await dispatcher.get(`/api/v1/rosters/${roster.id}`), 200);
    conforms('post', '/api/v1/rosters/{id}/publish', await dispatcher.post(`/api/v1/rosters/${roster.id}/publish`), 200);
    const shifts = conforms(
      'get',
      '/api/v1/stations/{id}/shifts',
      await dispatcher.get(`/api/v1/stations/${stationId}/shifts`).query(period),
      200,
    );
    conforms('get', '/api/v1/shifts/{id}/candidates', await dispatcher.get(`/api/v1/shifts/${shifts[0].id}/candidates`), 200);
    conforms('get', '/api/v1/stations/{id}', await dispatcher.get(`/api/v1/stations/${stationId}`), 200);
    conforms('get', '/api/v1/stations/{id}/members', await dispatcher.get(`/api/v1/stations/${stationId}/members`), 200);
  });

  it('the supervisor’s numbers and the ledger’s JSON', async () => {
    const { t, stationId } = s;
    const supervisor = t.as(await t.tokenFor('supervisor'));
    const period = { from: '2026-10-01', to: '2026-10-31' };
    conforms('get', '/api/v1/stats/coverage', await supervisor.get('/api/v1/stats/coverage').query(period), 200);
    conforms('get', '/api/v1/stats/workload', await supervisor.get('/api/v1/stats/workload').query(period), 200);
    conforms('get', '/api/v1/ledger', await supervisor.get('/api/v1/ledger').query({ stationId, ...period, format: 'json' }), 200);
    conforms('get', '/api/v1/ledger/attendance', await supervisor.get('/api/v1/ledger/attendance').query({ stationId, ...period }), 200);
    conforms('get', '/api/v1/notifications', await t.admin.get('/api/v1/notifications'), 200);
    conforms('get', '/api/v1/health', await t.http.get('/api/v1/health'), 200);
  });
});
