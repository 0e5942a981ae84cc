/**
 * Every error answer the e2e suite saw is declared for its route: each (method, route, status,
 * code) line test/helpers/error-answers.ts wrote under tmp/error-answers/ must be in the OpenAPI
 * document's responses of that operation (the status, and the code in its `code` enum). Run after
 * the e2e suite (`npm test` does); it fails when nothing was recorded, so it cannot pass by
 * checking nothing.
 *   node scripts/check-error-answers.js
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { documentJson } = require('./openapi-document');

const DIR = join(__dirname, '..', 'tmp', 'error-answers');

function recorded() {
  const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.jsonl')) : [];
  const lines = files.flatMap((f) => readFileSync(join(DIR, f), 'utf8').split('\n').filter(Boolean));
  return [...new Set(lines)].map((l) => JSON.parse(l));
}

/** The codes the document declares for (method, path, status), or null when the status is not declared. */
function declaredCodes(document, method, path, status) {
  const answer = document.paths[path]?.[method]?.responses?.[String(status)];
  if (!answer) return null;
  const schema = answer.content?.['application/json']?.schema;
  const parts = schema?.allOf ?? [schema];
  return new Set(parts.flatMap((p) => p?.properties?.code?.enum ?? []));
}

async function main() {
  const answers = recorded();
  if (answers.length === 0) {
    console.error(`No error answers recorded under ${DIR}: run the e2e suite first (npx jest --selectProjects e2e --runInBand).`);
    process.exitCode = 1;
    return;
  }
  const document = await documentJson();
  const undeclared = [];
  /** Routes the document leaves out on purpose (the console's pages): not part of the API contract. */
  const undocumented = new Set();
  for (const a of answers) {
    const path = a.route.replace(/:(\w+)/g, '{$1}');
    if (!document.paths[path] && !path.startsWith('/api/')) {
      undocumented.add(`${a.method} ${a.route}`);
      continue;
    }
    const codes = declaredCodes(document, a.method.toLowerCase(), path, a.status);
    if (!codes) undeclared.push(`${a.method} ${path}: ${a.status} is not declared`);
    else if (a.code && !codes.has(a.code)) undeclared.push(`${a.method} ${path}: ${a.status} ${a.code} is not declared`);
  }
  const routes = new Set(answers.map((a) => `${a.method} ${a.route}`)).size;
  if (undeclared.length) {
    console.error(`Error answers the e2e suite saw that the OpenAPI document does not declare (add the code to the route's @ApiErrors):`);
    for (const u of [...new Set(undeclared)].sort()) console.error(`  ${u}`);
    process.exitCode = 1;
    return;
  }
  const skipped = undocumented.size ? ` (not in the document, not checked: ${[...undocumented].join(', ')})` : '';
  console.log(
    `error answers: ${answers.length} distinct (route, status, code) seen on ${routes} routes, each declared in the OpenAPI document${skipped}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
