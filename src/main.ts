import 'reflect-metadata';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { installShutdown } from './shutdown';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`config error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen(config.port);
  process.stdout.write(`duty-lawyer listening on http://localhost:${config.port} (docs at /api/docs)\n`);
  installShutdown(app, config.shutdownTimeoutMs);
}

main().catch((err: unknown) => {
  process.stderr.write(`start-up failed: ${(err as Error).message ?? String(err)}\n`);
  process.exit(1);
});
