import { startApp, TestApp } from './helpers/app';

/** Every path of ../shared/API.md (HTTP contract v1), as OpenAPI spells it. Court systems depend on these. */
const CONTRACT: [string, string][] = [
  ['post', '/api/v1/users'],
  ['get', '/api/v1/health'],
  ['post', '/api/v1/lawyers'],
  ['get', '/api/v1/lawyers'],
  ['get', '/api/v1/lawyers/{id}'],
  ['patch', '/api/v1/lawyers/{id}'],
  ['post', '/api/v1/lawyers/import'],
  ['post', '/api/v1/lawyers/{id}/unavailability'],
  ['post', '/api/v1/stations'],
  ['post', '/api/v1/stations/{id}/rosters'],
  ['post', '/api/v1/rosters/{id}/publish'],
  ['get', '/api/v1/stations/{id}/shifts'],
  ['patch', '/api/v1/shifts/{id}'],
  ['post', '/api/v1/shifts/{id}/swap-requests'],
  ['post', '/api/v1/swap-requests/{id}/accept'],
  ['get', '/api/v1/stations/{id}/on-duty'],
  ['get', '/reception/{stationId}'],
  ['post', '/api/v1/court-notices'],
  ['get', '/api/v1/cases/{id}'],
  ['get', '/api/v1/cases'],
  ['post', '/api/v1/cases/{id}/assign'],
  ['get', '/api/v1/cases/{id}/appointment-letter'],
  ['post', '/api/v1/cases/{id}/refusal'],
  ['post', '/api/v1/cases/{id}/terminate'],
  ['post', '/api/v1/cases/{id}/hearings'],
  ['post', '/api/v1/shifts/{id}/check-in'],
  ['post', '/api/v1/shifts/{id}/check-out'],
  ['post', '/api/v1/help-records'],
  ['get', '/api/v1/ledger'],
  ['post', '/api/v1/lawyers/{id}/calendar-token'],
  ['get', '/calendar/lawyers/{token}.ics'],
  ['get', '/calendar/stations/{stationId}.ics'],
  ['get', '/api/v1/stats/coverage'],
  ['get', '/api/v1/stats/workload'],
];

describe('HTTP contract v1 (API.md)', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    t = await startApp();
    paths = (await t.http.get('/api/docs-json').expect(200)).body.paths;
  });
  afterAll(() => t.close());

  it.each(CONTRACT)('%s %s is served', (method, path) => {
    // Path parameter names are the server's own; compare the shape.
    const shape = (p: string) => p.replace(/\{[^}]+\}/g, '{}');
    const match = Object.keys(paths).find((p) => shape(p) === shape(path));
    expect(match).toBeDefined();
    expect(Object.keys(paths[match!])).toContain(method);
  });
});
