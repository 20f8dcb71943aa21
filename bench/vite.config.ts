// The benchmark's own site: the app's Explorer (app.html) and vis-timeline (vis.html), each building
// a generated dataset in the page. Built to bench/dist by bench/run.ts; `npx vite --config
// bench/vite.config.ts` serves it for a look by hand (http://127.0.0.1:5174/app.html?n=10000).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const benchRoot = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const VIS_UMD = fileURLToPath(new URL('../node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js', import.meta.url));
const VIS_URL = '/vendor/vis-timeline-graph2d.min.js';

/** Serves and emits vis-timeline's standalone UMD file as it is published, for vis.html's classic <script>. */
function visUmd(): Plugin {
  return {
    name: 'bench-vis-umd',
    configureServer(server) {
      server.middlewares.use(VIS_URL, (_req, res) => {
        res.setHeader('content-type', 'text/javascript');
        res.end(readFileSync(VIS_UMD));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: VIS_URL.slice(1), source: readFileSync(VIS_UMD) });
    },
  };
}

export default defineConfig({
  root: benchRoot,
  publicDir: false,
  plugins: [react(), visUmd()],
  server: { host: '127.0.0.1', port: 5174, fs: { allow: [projectRoot] } },
  preview: { host: '127.0.0.1' },
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: { input: { app: `${benchRoot}app.html`, vis: `${benchRoot}vis.html`, bare: `${benchRoot}bare.html` } },
  },
});
