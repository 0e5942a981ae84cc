import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB,
 * 2 passes, 1 lane — about 20 ms here, cheap for one sign-in, dear for a guesser.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash; with no hash (unknown user, no password set)
 * it verifies against a throwaway hash anyway, so the answer takes as long either way
 * and timing does not tell which login names exist.
 */
export async function passwordMatches(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword('no such user, no such password');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
