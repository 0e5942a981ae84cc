// dependency-cruiser reporter (`depcruise --output-type plugin:./scripts/boundaries-report.mjs`):
// prints the rule violations, then checks the one rule dependency-cruiser cannot say itself —
// no cycle between FEATURE folders (src/<feature>/ with its sub-folders as one). Its own
// `scope: 'folder'` treats src/cases/dto or src/cases/domain as folders of their own, so a
// feature's DTOs naming its entity's enum would count as a cycle. Tests (*.spec.ts) may reach
// anywhere; the root files (app.module.ts, main.ts, cli.ts…) are the composition root.
// Last, every package declared in package.json must be used (imported, a peer of one imported,
// or one of the command-line tools below).
import { readFileSync } from 'node:fs';

/** Declared for their command or by name in a config, never imported. */
const TOOLS = new Map([
  ['eslint', 'npm run lint'],
  ['prettier', 'npm run lint, npm run format'],
  ['jest', 'npm test'],
  ['ts-jest', "jest.config.js names it as the transform"],
  ['dependency-cruiser', 'npm run deps'],
  ['@nestjs/platform-fastify', 'bench/http-server.ts imports it by a computed name (the fastify comparison)'],
]);

/** The feature a source file belongs to, or undefined outside src/<feature>/ (and for tests). */
function featureOf(path) {
  if (/\.spec\.ts$|\.fixtures\.ts$/.test(path)) return undefined;
  return /^src\/([^/]+)\//.exec(path)?.[1];
}

/** Strongly connected components of more than one feature (Tarjan). */
function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

function featureCycles(modules) {
  /** feature → feature → the imports (file → file) that make the edge */
  const graph = new Map();
  for (const module of modules) {
    const from = featureOf(module.source);
    if (!from) continue;
    for (const dependency of module.dependencies) {
      const to = featureOf(dependency.resolved);
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      const edges = graph.get(from);
      edges.set(to, [...(edges.get(to) ?? []), `${module.source} → ${dependency.resolved}`]);
    }
  }
  return cycles(graph).map((component) => {
    const ties = component.flatMap((from) =>
      component.flatMap((to) => (graph.get(from)?.get(to) ?? []).map((edge) => `      ${from} → ${to}: ${edge}`)),
    );
    return `  error no-feature-cycle: ${component.join(', ')} import each other\n${ties.join('\n')}`;
  });
}

const packageOf = (name) => (name.startsWith('@') ? name.split('/').slice(0, 2) : name.split('/').slice(0, 1)).join('/');

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Packages in package.json that nothing imports, no imported package needs as a peer, and no tool is. */
function unusedPackages(modules) {
  const used = new Set();
  for (const module of modules) {
    for (const dependency of module.dependencies) {
      if (dependency.dependencyTypes.some((t) => t.startsWith('npm'))) used.add(packageOf(dependency.module));
    }
  }
  for (const name of [...used]) {
    const peers = readJson(`node_modules/${name}/package.json`).peerDependencies ?? {};
    for (const peer of Object.keys(peers)) used.add(peer);
  }
  const pkg = readJson('package.json');
  const declared = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  return declared
    .filter((name) => !used.has(name) && !TOOLS.has(name) && !name.startsWith('@types/'))
    .map((name) => `  error no-unused-package: ${name} is declared in package.json but nothing uses it`);
}

function formatViolation(v) {
  const via = v.cycle ? `\n      ${v.cycle.map((c) => c.name).join(' →\n      ')}` : '';
  return `  ${v.rule.severity} ${v.rule.name}: ${v.from} → ${v.to}${via}`;
}

export default function report(result) {
  const violations = result.summary.violations.filter((v) => v.rule.severity !== 'ignore');
  const errors = violations.filter((v) => v.rule.severity === 'error').length;
  const folderCycles = featureCycles(result.modules);
  const unused = unusedPackages(result.modules);
  const lines = [...violations.map(formatViolation), ...folderCycles, ...unused];
  const summary =
    lines.length === 0
      ? `✔ no dependency violations, no feature-folder cycle (${result.summary.totalCruised} modules cruised)`
      : `✘ ${violations.length} dependency violations, ${folderCycles.length} feature-folder cycles, ${unused.length} unused packages`;
  return { output: `${[...lines, summary].join('\n')}\n`, exitCode: errors + folderCycles.length + unused.length };
}
