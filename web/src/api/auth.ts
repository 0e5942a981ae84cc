import { api } from './client';
import type { Answer, RequestBody } from './contract';

export type Role = SignedInUser['role'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  dispatcher: '调度员',
  court_clerk: '法院书记员',
  reception: '法院前台',
  lawyer: '律师',
  supervisor: '司法局监督',
};

/** Who is signed in, as GET /auth/me answers it. */
export type SignInAnswer = Answer<'AuthController_me'>;
export type SignedInUser = SignInAnswer['user'];

export const login = (username: string, password: string) =>
  api<Answer<'AuthController_login'>>('POST', '/auth/login', { username, password } satisfies RequestBody<'AuthController_login'>, { silent: true });
export const me = () => api<SignInAnswer>('GET', '/auth/me', undefined, { silent: true });
export const logout = () => api<void>('POST', '/auth/logout', undefined, { silent: true });
export const changePassword = (current: string, next: string) =>
  api<Answer<'AuthController_password'>>('POST', '/auth/password', { current, next } satisfies RequestBody<'AuthController_password'>, { silent: true });
