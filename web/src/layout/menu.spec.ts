import { describe, expect, it } from 'vitest';
import { routes } from '../router/routes';
import { menuFor } from './menu';

const paths = (role: Parameters<typeof menuFor>[0]) => menuFor(role, routes).flatMap((g) => g.items.map((i) => i.path));

describe('menuFor (the route map in COMMON.md)', () => {
  it.each([
    ['dispatcher', ['/todo', '/lawyers', '/stations', '/workdays', '/ledger', '/mail', '/audit']],
    ['admin', ['/todo', '/lawyers', '/stations', '/workdays', '/ledger', '/mail', '/users', '/audit', '/dashboard']],
    ['lawyer', ['/me/shifts', '/me/help', '/me/cases', '/me/swaps', '/me/leave', '/me/calendar']],
    ['court_clerk', ['/court/notices/new', '/court/cases']],
    ['supervisor', ['/audit', '/dashboard']],
    ['reception', []],
  ] as const)('%s', (role, expected) => expect(paths(role)).toEqual(expected));
});
