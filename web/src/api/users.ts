import { api } from './client';
import type { Answer, RequestBody } from './contract';

export type UserRow = Answer<'UsersController_list'>[number];

export type IssuedToken = Answer<'UsersController_issue', 201>;

export type TokenRow = Answer<'UsersController_tokens'>[number];

/** What POST /users accepts (court_clerk: `courtName`, the court whose cases the clerk works with). */
export type NewUser = RequestBody<'UsersController_create'>;

/** What PATCH /users/:id accepts. */
export type UserChange = RequestBody<'UsersController_update'>;

export type LawyerOption = Pick<Answer<'LawyersController_list'>[number], 'id' | 'name' | 'firm'>;

export const listUsers = () => api<UserRow[]>('GET', '/users');
export const createUser = (body: NewUser) => api<Answer<'UsersController_create', 201>>('POST', '/users', body, { silent: true });
export const updateUser = (id: string, body: UserChange) => api<Answer<'UsersController_update'>>('PATCH', `/users/${id}`, body, { silent: true });
export const listTokens = (id: string) => api<TokenRow[]>('GET', `/users/${id}/tokens`);
export const issueToken = (id: string) => api<IssuedToken>('POST', `/users/${id}/tokens`);
export const revokeToken = (id: string, tokenId: string) => api<void>('DELETE', `/users/${id}/tokens/${tokenId}`);
export const findLawyers = (q: string) => api<LawyerOption[] & Answer<'LawyersController_list'>>('GET', '/lawyers', undefined, { query: { q: q || undefined, limit: 50 } });
export const allLawyers = () => api<LawyerOption[] & Answer<'LawyersController_list'>>('GET', '/lawyers', undefined, { query: { limit: 10000 } });
