// Lets a child `node` process run the TypeScript sources directly (tests that need a real
// process: signals, kill -9). The project compiles with isolatedModules, so per-file
// transpilation gives the same output as tsc.
const { readFileSync } = require('node:fs');
const ts = require('typescript');
const { config } = ts.readConfigFile(require.resolve('../../tsconfig.json'), ts.sys.readFile);
const compilerOptions = { ...config.compilerOptions, module: 'commonjs', sourceMap: false, inlineSourceMap: true, incremental: false };
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(out.outputText, filename);
};
