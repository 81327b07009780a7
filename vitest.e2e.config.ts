import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension (.output/) in real browsers; see tests/e2e/README.md.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
    // One browser at a time: two of them on a 2-core machine starve each other and time out.
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    // Launching a browser and installing the extension happens in beforeAll.
    hookTimeout: 90_000,
  },
});
