import { defineConfig } from 'vitest/config';

// Real-browser end-to-end tests against `vite preview` of the built dist/.
// Independent of vite.config.ts on purpose: no React plugin, no unit-test setup files.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Chromium at a time on a 2-core machine.
    fileParallelism: false,
  },
});
