import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under a src/<feature>/domain/ folder. */
function domainFiles(dir: string, inDomain = false): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return domainFiles(path, inDomain || name === 'domain');
    return inDomain && path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  const files = domainFiles(__dirname);

  it('has domain rules to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(__dirname, f)]))('%s imports neither Nest, TypeORM nor I/O', (file) => {
    const source = readFileSync(join(__dirname, file), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    const forbidden = imports.filter((i) =>
      /^@nestjs\/|^typeorm|^node:(fs|http|net|child_process)|^(fs|http|net|pg|better-sqlite3|nodemailer|express)$/.test(i),
    );
    expect(forbidden).toEqual([]);
  });
});
