/** Jest globalSetup of the e2e project: a run records its own error answers (test/helpers/error-answers.ts). */
const { rmSync } = require('node:fs');
const { join } = require('node:path');

module.exports = () => rmSync(join(__dirname, '..', '..', 'tmp', 'error-answers'), { recursive: true, force: true });
