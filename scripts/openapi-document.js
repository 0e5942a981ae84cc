/**
 * The OpenAPI document the server serves at /api/docs-json, built from the sources without
 * listening (scripts/openapi-client.js, scripts/check-error-answers.js).
 */
require('../test/helpers/ts-register.js');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

async function documentJson() {
  const { createApp } = require('../src/app');
  const { loadConfig } = require('../src/config/config');
  const { documentOf } = require('../src/openapi');
  const mailDir = mkdtempSync(join(tmpdir(), 'openapi-document-'));
  const app = await createApp(
    loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', MAIL_POLL_MS: '0', MAIL_FILE_DIR: mailDir }),
  );
  try {
    return JSON.parse(JSON.stringify(documentOf(app)));
  } finally {
    await app.close();
    rmSync(mailDir, { recursive: true, force: true });
  }
}

module.exports = { documentJson };
