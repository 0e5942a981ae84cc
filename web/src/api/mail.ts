import { api } from './client';
import type { Answer } from './contract';

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = { pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败' };

export type MailRow = Answer<'NotificationsController_list'>[number];

export const listMail = (status: MailStatus | undefined, limit: number, offset: number) =>
  api<MailRow[]>('GET', '/notifications', undefined, { query: { status, limit, offset } });
export const resendMail = (id: string) => api<Answer<'NotificationsController_resend'>>('POST', `/notifications/${id}/resend`);
