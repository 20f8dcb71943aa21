// Shared by unit and component tests. Component tests opt into jsdom per file with
// `// @vitest-environment jsdom`; the pure core runs in plain Node.
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
