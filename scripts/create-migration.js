#!/usr/bin/env node
// Writes migrations/<timestamp>-<name>.ts (schema-builder skeleton) and registers it in migrations/index.ts.
const fs = require('node:fs');
const path = require('node:path');

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: npm run migration:create -- kebab-case-name');
  process.exit(2);
}
const stamp = Date.now();
const cls = name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase()) + stamp;
const dir = path.join(__dirname, '..', 'migrations');
const file = `${stamp}-${name}`;
fs.writeFileSync(
  path.join(dir, `${file}.ts`),
  `import { MigrationInterface, QueryRunner } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** Schema-builder API only, so SQLite and PostgreSQL both run it. */
export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {}

  async down(q: QueryRunner): Promise<void> {}
}
`,
);
const index = path.join(dir, 'index.ts');
let text = fs.readFileSync(index, 'utf8');
text = text.replace(/(\nexport const migrations)/, `import { ${cls} } from './${file}';\n$1`);
text = text.replace(/\];\s*$/, `, ${cls}];\n`);
fs.writeFileSync(index, text);
console.log(`migrations/${file}.ts`);
