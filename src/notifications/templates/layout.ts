import type { MailAttachment } from '../outbox-mail.entity';
import type { MailContext, RenderedMail } from './mail-types';

/** The parts every mail is made of; renderMail turns them into matching text and HTML. */
export interface MailSpec {
  subject: string;
  recipientName: string;
  /** The salutation line; default `<recipientName>律师：`. */
  greeting?: string;
  paragraphs: string[];
  /** Label → value lines, e.g. 案号 → (2026)苏0481刑初123号. */
  facts?: Array<[string, string]>;
  table?: { head: string[]; rows: string[][] };
  notes?: string[];
  /** Path under the public base URL. */
  link: { label: string; path: string };
  attachments?: MailAttachment[];
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const greeting = (spec: MailSpec) => spec.greeting ?? `${spec.recipientName}律师：`;

function text(spec: MailSpec, url: string, ctx: MailContext): string {
  const blocks = [greeting(spec), ...spec.paragraphs];
  if (spec.facts?.length) blocks.push(spec.facts.map(([k, v]) => `${k}：${v}`).join('\n'));
  if (spec.table) blocks.push([spec.table.head, ...spec.table.rows].map((r) => r.join('  ')).join('\n'));
  if (spec.notes?.length) blocks.push(spec.notes.join('\n'));
  blocks.push(`${spec.link.label}：${url}`, `${ctx.centerName}（电话 ${ctx.centerPhone}）\n本邮件由系统自动发送，请勿直接回复。`);
  return `${blocks.join('\n\n')}\n`;
}

function html(spec: MailSpec, url: string, ctx: MailContext): string {
  const e = escapeHtml;
  const cell = 'style="border:1px solid #ccc;padding:4px 8px;text-align:left"';
  const parts = [`<p>${e(greeting(spec))}</p>`, ...spec.paragraphs.map((p) => `<p>${e(p)}</p>`)];
  if (spec.facts?.length) {
    parts.push(`<table>${spec.facts.map(([k, v]) => `<tr><th ${cell}>${e(k)}</th><td ${cell}>${e(v)}</td></tr>`).join('')}</table>`);
  }
  if (spec.table) {
    const head = `<tr>${spec.table.head.map((h) => `<th ${cell}>${e(h)}</th>`).join('')}</tr>`;
    const rows = spec.table.rows.map((r) => `<tr>${r.map((c) => `<td ${cell}>${e(c)}</td>`).join('')}</tr>`).join('');
    parts.push(`<table style="border-collapse:collapse">${head}${rows}</table>`);
  }
  if (spec.notes?.length) parts.push(`<ul>${spec.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`);
  parts.push(
    `<p><a href="${e(url)}">${e(spec.link.label)}</a></p>`,
    `<p style="color:#666">${e(ctx.centerName)}（电话 ${e(ctx.centerPhone)}）<br>本邮件由系统自动发送，请勿直接回复。</p>`,
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${e(spec.subject)}</title></head><body>${parts.join('\n')}</body></html>`;
}

export function renderMail(spec: MailSpec, ctx: MailContext): RenderedMail {
  const url = `${ctx.baseUrl}${spec.link.path}`;
  return { subject: spec.subject, text: text(spec, url, ctx), html: html(spec, url, ctx), attachments: spec.attachments ?? [] };
}
