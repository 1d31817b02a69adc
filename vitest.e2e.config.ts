import { defineConfig } from 'vitest/config';

// Browser journeys in Debian's Chromium against a real server (built web app + API + PGlite).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    // startE2E waits up to 400 s for the demo seed (tests/e2e/harness.ts): the hook must outlast it, or a
    // slow seed on a loaded machine fails the file before its own clearer message.
    hookTimeout: 450_000,
    fileParallelism: false,
    pool: 'forks',
    // One retry: on a loaded 2-core CI machine a journey has timed out once where it passed on every
    // other run. A journey that fails twice fails CI, and each failure leaves a screenshot in test-results/.
    retry: 1,
  },
});
