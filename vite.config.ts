import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { story } from './build/story.ts';
import { thirdPartyNotices } from './build/notices.ts';

/**
 * The Content Security Policy of the built pages: no inline scripts, no eval, no plugins, no <base>.
 * Datasets may be fetched from any http(s) origin the reader names with ?data=. Only added to the build:
 * the dev server injects an inline script for hot reloading.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  'connect-src \'self\' https: http:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  // Relative URLs: the same build works at a site's root and under any path (/graphics/kursk-timeline/).
  base: './',
  plugins: [react(), contentSecurityPolicy(), story(), ...thirdPartyNotices()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  // The loader's worker is a module, so the code only some files need (importers, the sample) loads when they do.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The app (also the embed, with ?embed=1) and the explainer page that demonstrates embedding.
    rolldownOptions: { input: { main: 'index.html', explainer: 'explainer.html' } },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
  },
});
