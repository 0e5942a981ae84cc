import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../api/auth';

/**
 * The console's route map (agreed by everyone; mails link to these paths). Each screen
 * lives in its own file under views/; `menu` puts it in the side menu of its roles
 * (admin sees every dispatcher screen too). Screens not built yet show a placeholder.
 */
declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Who may open it; admin always may. Absent: any signed-in user. */
    roles?: Role[];
    /** Shown in the side menu under this group. */
    menu?: string;
    /** Open without signing in (the login page). */
    public?: boolean;
  }
}

const DISPATCH: Role[] = ['dispatcher'];
const LAWYER: Role[] = ['lawyer'];
const CLERK: Role[] = ['court_clerk'];
const ADMIN: Role[] = ['admin'];

export const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('../views/common/LoginView.vue'), meta: { title: '登录', public: true } },
  { path: '/password', component: () => import('../views/common/PasswordView.vue'), meta: { title: '修改密码' } },
  { path: '/', component: () => import('../views/common/HomeView.vue'), meta: { title: '工作台' } },

  { path: '/todo', component: () => import('../views/dispatcher/TodoView.vue'), meta: { title: '待办', roles: DISPATCH, menu: '调度' } },
  { path: '/cases/:id', component: () => import('../views/dispatcher/CaseView.vue'), meta: { title: '案件', roles: DISPATCH } },
  { path: '/lawyers', component: () => import('../views/dispatcher/LawyersView.vue'), meta: { title: '律师库', roles: DISPATCH, menu: '调度' } },
  { path: '/stations', component: () => import('../views/dispatcher/StationsView.vue'), meta: { title: '值班点', roles: DISPATCH, menu: '调度' } },
  { path: '/stations/:id', component: () => import('../views/dispatcher/StationView.vue'), meta: { title: '值班点', roles: DISPATCH } },
  { path: '/rosters/:id', component: () => import('../views/dispatcher/RosterView.vue'), meta: { title: '值班排班', roles: DISPATCH } },
  { path: '/workdays', component: () => import('../views/dispatcher/WorkdaysView.vue'), meta: { title: '工作日', roles: DISPATCH, menu: '调度' } },
  { path: '/ledger', component: () => import('../views/dispatcher/LedgerView.vue'), meta: { title: '值班台账', roles: DISPATCH, menu: '调度' } },
  { path: '/mail', component: () => import('../views/dispatcher/MailView.vue'), meta: { title: '邮件', roles: DISPATCH, menu: '调度' } },
  { path: '/users', component: () => import('../views/dispatcher/UsersView.vue'), meta: { title: '用户', roles: ADMIN, menu: '管理' } },
  { path: '/audit', component: () => import('../views/dispatcher/AuditView.vue'), meta: { title: '审计日志', roles: ['dispatcher', 'supervisor'], menu: '管理' } },

  { path: '/me/shifts', component: () => import('../views/lawyer/MyShiftsView.vue'), meta: { title: '我的值班', roles: LAWYER, menu: '律师' } },
  { path: '/me/help', component: () => import('../views/lawyer/MyHelpView.vue'), meta: { title: '法律帮助', roles: LAWYER, menu: '律师' } },
  { path: '/me/cases', component: () => import('../views/lawyer/MyCasesView.vue'), meta: { title: '我的案件', roles: LAWYER, menu: '律师' } },
  { path: '/me/cases/:id', component: () => import('../views/lawyer/MyCaseView.vue'), meta: { title: '案件', roles: LAWYER } },
  { path: '/me/swaps', component: () => import('../views/lawyer/MySwapsView.vue'), meta: { title: '换班', roles: LAWYER, menu: '律师' } },
  { path: '/me/leave', component: () => import('../views/lawyer/MyLeaveView.vue'), meta: { title: '请假', roles: LAWYER, menu: '律师' } },
  { path: '/me/calendar', component: () => import('../views/lawyer/MyCalendarView.vue'), meta: { title: '日历订阅', roles: LAWYER, menu: '律师' } },

  { path: '/court/notices/new', component: () => import('../views/court/NewNoticeView.vue'), meta: { title: '发送指派通知', roles: CLERK, menu: '法院' } },
  { path: '/court/cases', component: () => import('../views/court/CourtCasesView.vue'), meta: { title: '本院案件', roles: CLERK, menu: '法院' } },
  { path: '/court/cases/:id', component: () => import('../views/court/CourtCaseView.vue'), meta: { title: '案件', roles: CLERK } },

  { path: '/dashboard', component: () => import('../views/supervisor/DashboardView.vue'), meta: { title: '监督看板', roles: ['supervisor'], menu: '监督' } },

  { path: '/:rest(.*)*', component: () => import('../views/common/NotFoundView.vue'), meta: { title: '页面不存在' } },
];
