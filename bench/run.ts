/**
 * `npm run bench`: runs every bench/*.bench.ts (compiled to dist/bench) in turn and prints
 * its lines. Each benchmark measures a baseline in the same process and reports ratios,
 * because machines here are 2-core and noisy: absolute times are context, not verdicts.
 * `npm run bench -- roster` runs only the benchmarks whose file name contains "roster".
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface BenchModule {
  run(): Promise<string[]>;
}

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js') && f.includes(filter))
    .sort();
  for (const file of files) {
    const started = Date.now();
    process.stdout.write(`\n## ${file.replace(/\.bench\.js$/, '')}\n`);
    const mod = (await import(join(__dirname, file))) as BenchModule;
    const lines: unknown = await mod.run();
    if (!Array.isArray(lines)) throw new Error(`${file}: run() must resolve to an array of lines`);
    for (const line of lines) process.stdout.write(`${line}\n`);
    process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
