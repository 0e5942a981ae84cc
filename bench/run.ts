/**
 * `npm run bench`: runs every bench/*.bench.ts (compiled to dist/bench) in turn, each in a
 * process of its own (what one benchmark seeded, cached or left running cannot slow the
 * next), and prints its lines. Each benchmark measures a baseline in the same process and
 * reports ratios, because machines here are 2-core and noisy: absolute times are context,
 * not verdicts. `npm run bench -- roster` runs only the benchmarks whose file name contains
 * "roster".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface BenchModule {
  run(): Promise<string[]>;
}

/** The argument that makes this script run one benchmark file in-process (the child's side). */
const ONE = '--one';

/** One benchmark file, in this process. */
async function runOne(file: string): Promise<void> {
  const started = Date.now();
  process.stdout.write(`\n## ${file.replace(/\.bench\.js$/, '')}\n`);
  const mod = (await import(join(__dirname, file))) as BenchModule;
  const lines: unknown = await mod.run();
  if (!Array.isArray(lines)) throw new Error(`${file}: run() must resolve to an array of lines`);
  for (const line of lines) process.stdout.write(`${line}\n`);
  process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

async function main(): Promise<void> {
  if (process.argv[2] === ONE) return runOne(process.argv[3]);
  const filter = process.argv[2] ?? '';
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js') && f.includes(filter))
    .sort();
  for (const file of files) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, ONE, file], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`${file}: exited with ${child.status ?? child.signal}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
