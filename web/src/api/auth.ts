import { api } from './client';

export type Role = 'admin' | 'dispatcher' | 'court_clerk' | 'reception' | 'lawyer' | 'supervisor';

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  dispatcher: '调度员',
  court_clerk: '法院书记员',
  reception: '法院前台',
  lawyer: '律师',
  supervisor: '司法局监督',
};

export interface SignedInUser {
  id: string;
  name: string;
  username: string | null;
  role: Role;
  lawyerId: string | null;
  /** A court clerk's court (their notices and cases). */
  courtName?: string | null;
  mustChangePassword: boolean;
}

export interface SignInAnswer {
  user: SignedInUser;
  csrfToken?: string;
}

export const login = (username: string, password: string) =>
  api<SignInAnswer>('POST', '/auth/login', { username, password }, { silent: true });
export const me = () => api<SignInAnswer>('GET', '/auth/me', undefined, { silent: true });
export const logout = () => api<void>('POST', '/auth/logout', undefined, { silent: true });
export const changePassword = (current: string, next: string) =>
  api<{ user: SignedInUser }>('POST', '/auth/password', { current, next }, { silent: true });
