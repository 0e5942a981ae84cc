import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../api/auth';
import { mayOpen } from '../router/access';

export interface MenuGroup {
  title: string;
  items: Array<{ path: string; title: string }>;
}

/** The side menu of a role: the routes marked `menu`, grouped, in route-map order. */
export function menuFor(role: Role, routes: readonly RouteRecordRaw[]): MenuGroup[] {
  const groups: MenuGroup[] = [];
  for (const r of routes) {
    const group = r.meta?.menu;
    if (!group || !mayOpen(role, r.meta?.roles)) continue;
    let g = groups.find((x) => x.title === group);
    if (!g) groups.push((g = { title: group, items: [] }));
    g.items.push({ path: r.path, title: r.meta?.title ?? r.path });
  }
  return groups;
}
