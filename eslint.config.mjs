// Lint for the server, its tests and benchmarks (the console in web/ has its own type-check).
// typescript-eslint's recommended set plus the type-aware rules that catch real bugs here
// (a promise nobody awaits, a switch that forgets a state); formatting is Prettier's, so eslint-config-prettier
// turns off the stylistic rules that would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'web/**', 'coverage/**', 'data/**', 'node_modules/**', 'src/openapi.metadata.ts', 'scripts/*.js', 'scripts/*.mjs', '.dependency-cruiser.cjs', 'test/helpers/*.cjs', 'test/helpers/*.js', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Full-width spaces (U+3000) are part of Chinese text in templates and strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
    },
  },
);
