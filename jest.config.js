/** Unit tests sit beside the rules (src/**\/*.spec.ts); end-to-end tests boot the real app (test/). */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
};
module.exports = {
  // A global option: inside `projects` Jest ignores it and falls back to 5 s, which a loaded
  // 2-core CI machine overruns on the 5,000-row import and the browser tests.
  testTimeout: 60000,
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform, testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/helpers/clear-error-answers.js',
    },
  ],
};
