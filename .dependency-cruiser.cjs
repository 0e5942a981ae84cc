// The boundaries the code keeps by itself (`npm run deps`, part of `npm run lint` and so of
// `npm test`). Written for dependency-cruiser 17 (18 needs Node 22); ARCHITECTURE.md explains
// the folders. Zero violations and no baseline: a new cycle or a stray import fails the build.

/** Feature code that may read another feature's tables: the named read-side query classes. */
const READ_SIDE = '\\.query\\.ts$';

/** Unit tests and their fixtures may reach anywhere. */
const TESTS = '\\.(spec|fixtures)\\.ts$';

/** What a pure rule must not touch: the framework, the database and I/O. */
const NOT_PURE = [
  '^node_modules/(@nestjs|typeorm|pg|better-sqlite3|nodemailer|express|exceljs|pdfkit|docx)/',
  '^(fs|http|https|net|child_process|dgram|tls)$',
];

/**
 * The files of common/ that are plain code (no Nest, no TypeORM, no I/O): what a rule in domain/
 * and the console (web/src) may import from common/. A new file of common/ is not among them until
 * it is listed here, and `common-pure-stays-pure` keeps the listed ones so.
 */
const PURE_COMMON = '^src/common/(actor|clock|content-disposition|csv|db-errors|errors|input-guard|local-date|privacy|redact|validation-errors)\\.ts$';

/** What the console may import from the server's folders for its values: rules, labels, the error catalogue. */
const PURE_SERVER = ['/domain/', '^src/shared/', PURE_COMMON];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Two files import each other (directly or round a longer loop).',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'web-imports-pure-server-modules',
      comment:
        "The console bundles what it imports from src/: only pure modules (a feature's domain/, shared/, common/); anything else of the server as a type only.",
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: PURE_SERVER, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'common-pure-stays-pure',
      comment: 'shared/ and the plain files of common/ (PURE_COMMON) import neither the framework nor I/O, nor a server file that does.',
      severity: 'error',
      from: { path: ['^src/shared/', PURE_COMMON], pathNot: TESTS },
      to: { path: [...NOT_PURE, '^src/'], pathNot: PURE_SERVER },
    },
    {
      name: 'domain-is-pure',
      comment: 'A rule in domain/ is a pure function: no Nest, no TypeORM, no database driver, no I/O.',
      severity: 'error',
      from: { path: '^src/[^/]+/[^/]*/?domain/', pathNot: TESTS },
      to: { path: NOT_PURE },
    },
    {
      name: 'domain-imports-no-service',
      comment: "A rule in domain/ takes its data as arguments: it imports no service, controller, module or entity (its own feature's or another's).",
      severity: 'error',
      from: { path: '^src/[^/]+/[^/]*/?domain/', pathNot: TESTS },
      to: { path: '^src/.+\\.(service|controller|module|entity|query)\\.ts$' },
    },
    {
      name: 'domain-of-another-feature-is-domain-only',
      comment: "A rule in domain/ may use another feature's rules and types (its domain/), common/ and shared/, nothing else of it.",
      severity: 'error',
      from: { path: '^src/([^/]+)/[^/]*/?domain/', pathNot: TESTS },
      to: { path: '^src/', pathNot: ['^src/$1/', '^src/[^/]+/[^/]*/?domain/', '^src/shared/', PURE_COMMON] },
    },
    {
      name: 'foreign-entity-only-in-read-side-query',
      comment:
        "Each table has one writer, the folder that owns its entity. Another feature reads it through a named read-side query class (*.query.ts); a type-only import (a parameter's type) is not a read.",
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: [READ_SIDE, TESTS, '^src/app\\.module\\.ts$', '^src/database/'] },
      to: { path: '^src/[^/]+/.+\\.entit(y|ies)\\.ts$', pathNot: '^src/$1/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'validated-classes-in-dto-files',
      comment:
        "A class with class-validator decorators (a body or a query) lives in a *.dto.ts file: the swagger CLI plugin describes only those, so one kept in a controller's file is missing from the OpenAPI document. The validation helpers, the document's builder and the CSV row check call its functions.",
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [TESTS, '\\.dto\\.ts$', '^src/common/validation(-errors)?\\.ts$', '^src/openapi\\.ts$', '^src/lawyers/domain/lawyer-csv\\.ts$'],
      },
      to: { path: '^node_modules/class-validator/' },
    },
    {
      name: 'no-non-package-json',
      comment: 'An npm package the code imports must be declared in package.json.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'server-not-to-dev-dep',
      comment: 'The server runs without devDependencies (npm ci --omit=dev): src/ uses none, except for types.',
      severity: 'error',
      from: { path: '^(src|migrations|config)/', pathNot: TESTS },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^web/(dist|node_modules)/', '^src/openapi\\.metadata\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // 'import' last: the console's ES-module-only paths (element-plus/es/…/style/css).
      conditionNames: ['require', 'node', 'default', 'import'],
      mainFields: ['main', 'types', 'typings'],
    },
  },
};
