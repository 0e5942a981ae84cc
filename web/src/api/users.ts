import type { Role } from './auth';
import { api } from './client';

export interface UserRow {
  id: string;
  name: string;
  username: string | null;
  role: Role;
  lawyerId: string | null;
  courtName?: string | null;
  active: boolean;
  hasPassword: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface IssuedToken {
  id: string;
  token: string;
  createdAt: string;
}

export interface TokenRow {
  id: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface NewUser {
  name: string;
  role: Role;
  username?: string;
  password?: string;
  lawyerId?: string;
  /** court_clerk: the court whose cases the clerk works with. */
  courtName?: string;
}

export interface LawyerOption {
  id: string;
  name: string;
  firm: string;
}

export const listUsers = () => api<UserRow[]>('GET', '/users');
export const createUser = (body: NewUser) => api<{ id: string; token: string; tokenId: string }>('POST', '/users', body, { silent: true });
export const updateUser = (id: string, body: { active?: boolean; role?: Role; password?: string }) => api<UserRow>('PATCH', `/users/${id}`, body, { silent: true });
export const listTokens = (id: string) => api<TokenRow[]>('GET', `/users/${id}/tokens`);
export const issueToken = (id: string) => api<IssuedToken>('POST', `/users/${id}/tokens`);
export const revokeToken = (id: string, tokenId: string) => api<void>('DELETE', `/users/${id}/tokens/${tokenId}`);
export const findLawyers = (q: string) => api<LawyerOption[]>('GET', '/lawyers', undefined, { query: { q: q || undefined, limit: 50 } });
export const allLawyers = () => api<LawyerOption[]>('GET', '/lawyers', undefined, { query: { limit: 10000 } });
