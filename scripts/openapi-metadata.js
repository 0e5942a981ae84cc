/**
 * Writes src/openapi.metadata.ts: what the @nestjs/swagger compiler plugin reads from the DTOs
 * (class-validator rules, doc comments) and the controllers (return types), so the OpenAPI
 * document describes every field without a decorator on each property. `npm run build:server`
 * runs it; test/openapi.e2e-spec.ts fails when the committed file is stale. Beside it,
 * src/openapi.responses.json: the answer schemas read from the controllers' return types
 * (scripts/openapi-responses.js).
 *   node scripts/openapi-metadata.js [outputDir]
 */
const { PluginMetadataGenerator } = require('@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator');
const { ReadonlyVisitor } = require('@nestjs/swagger/dist/plugin');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');
const { responseSchemas } = require('./openapi-responses');

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');
const METADATA_FILE = 'openapi.metadata.ts';
const RESPONSES_FILE = 'openapi.responses.json';

function program() {
  const configPath = join(ROOT, 'tsconfig.build.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, ROOT);
  const rootNames = parsed.fileNames.filter((f) => !f.endsWith(METADATA_FILE));
  return ts.createProgram({ rootNames, options: { ...parsed.options, noEmit: true } });
}

/** Generates the metadata into `outputDir` (default src/) and returns the file's text. */
function generateMetadata(outputDir = SRC) {
  const tsProgram = program();
  new PluginMetadataGenerator().generate({
    visitors: [
      new ReadonlyVisitor({
        introspectComments: true,
        classValidatorShim: true,
        dtoFileNameSuffix: ['.dto.ts', '.view.ts'],
        controllerFileNameSuffix: ['.controller.ts'],
        pathToSource: SRC,
      }),
    ],
    outputDir,
    filename: METADATA_FILE,
    tsProgramRef: tsProgram,
    printDiagnostics: false,
  });
  const responses = responseSchemas(tsProgram, (f) => f.startsWith(SRC) && f.endsWith('.controller.ts'));
  writeFileSync(join(outputDir, RESPONSES_FILE), `${JSON.stringify(responses, null, 2)}\n`);
  return readFileSync(join(outputDir, METADATA_FILE), 'utf8');
}

module.exports = { generateMetadata, METADATA_FILE, RESPONSES_FILE };
if (require.main === module) generateMetadata(process.argv[2]);
