import { defineConfig } from 'vitest/config';

// Browser journeys in Debian's Chromium against a real server (built web app + API + PGlite).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
