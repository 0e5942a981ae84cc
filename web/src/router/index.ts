import { createRouter, createWebHistory } from 'vue-router';
import { whenUnauthorized } from '../api/client';
import { useSessionStore } from '../stores/session';
import { HOME, mayOpen } from './access';
import { routes } from './routes';

export const router = createRouter({ history: createWebHistory(), routes });

/**
 * Not signed in → /login (back here afterwards); a password to change → /password first;
 * a screen of another role → home. The server decides all of this again on every call.
 */
router.beforeEach(async (to) => {
  const session = useSessionStore();
  const user = await session.refresh();
  if (to.meta.public) return user ? HOME[user.role] : true;
  if (!user) return { path: '/login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (user.mustChangePassword && to.path !== '/password') return '/password';
  if (to.path === '/' && HOME[user.role] !== '/') return HOME[user.role];
  if (!mayOpen(user.role, to.meta.roles)) return HOME[user.role];
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 值班律师工作台` : '值班律师工作台';
});

whenUnauthorized(() => {
  const session = useSessionStore();
  session.expired();
  const here = router.currentRoute.value;
  if (!here.meta.public) void router.push({ path: '/login', query: { redirect: here.fullPath } });
});
