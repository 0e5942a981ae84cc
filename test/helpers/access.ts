import type { TestApp } from './app';

export type Agent = ReturnType<TestApp['as']>;
export type Method = 'get' | 'post' | 'patch' | 'delete';

/**
 * The access tests' check of one console call: each `refused` agent gets 403 (and no body
 * beyond the error), each `hidden` one 404 with nothing of `secret` in the answer.
 */
export async function expectRefused<W extends string>(
  as: Record<W, Agent>,
  call: { method: Method; url: string; body?: object },
  refused: readonly W[],
  hidden: readonly W[],
  secret: string,
): Promise<void> {
  for (const who of refused) {
    const res = await as[who][call.method](call.url).send(call.body);
    expect([who, res.status, res.status === 403 ? null : res.body]).toEqual([who, 403, null]);
  }
  for (const who of hidden) {
    const res = await as[who][call.method](call.url).send(call.body);
    expect([who, res.status]).toEqual([who, 404]);
    expect(JSON.stringify(res.body)).not.toContain(secret);
  }
}
