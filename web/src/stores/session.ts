import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as auth from '../api/auth';
import type { Role, SignedInUser } from '../api/auth';
import { ApiError, setCsrfToken } from '../api/client';

/** Who is signed in. The cookie is HttpOnly: the console learns the user and the CSRF token from the server. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SignedInUser | null>(null);
  /** Why the user was sent to the login page (shown there once). */
  const notice = ref<string | null>(null);

  const role = computed<Role | null>(() => user.value?.role ?? null);

  function set(answer: auth.SignInAnswer | null): void {
    user.value = answer?.user ?? null;
    setCsrfToken(answer?.csrfToken ?? null);
  }

  /** Asks the server; a 401 just means nobody is signed in. */
  async function refresh(): Promise<SignedInUser | null> {
    try {
      set(await auth.me());
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      expired();
    }
    return user.value;
  }

  async function login(username: string, password: string): Promise<SignedInUser> {
    set(await auth.login(username, password));
    notice.value = null;
    return user.value!;
  }

  async function logout(): Promise<void> {
    await auth.logout().catch(() => undefined);
    set(null);
  }

  async function changePassword(current: string, next: string): Promise<void> {
    const answer = await auth.changePassword(current, next);
    if (user.value) user.value = answer.user;
  }

  /** The server said 401 mid-work: the session ended (timeout, deactivated, signed out elsewhere). */
  function expired(): void {
    if (user.value) notice.value = '登录已失效，请重新登录';
    set(null);
  }

  return { user, role, notice, refresh, login, logout, changePassword, expired };
});
