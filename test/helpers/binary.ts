import type { Response } from 'superagent';

/** A supertest parser keeping the body as raw bytes (XLSX downloads, CSV with its BOM). */
export function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
