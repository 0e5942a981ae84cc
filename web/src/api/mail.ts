import { api } from './client';

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = { pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败' };

export interface MailRow {
  id: string;
  recipientEmail: string;
  recipientName: string | null;
  subject: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export const listMail = (status: MailStatus | undefined, limit: number, offset: number) =>
  api<MailRow[]>('GET', '/notifications', undefined, { query: { status, limit, offset } });
export const resendMail = (id: string) => api<MailRow>('POST', `/notifications/${id}/resend`);
