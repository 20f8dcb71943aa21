// The page's first script (src/main.tsx) is small: it starts the loader's worker and then imports the
// app (src/boot.tsx). So that the app does not wait for that script to arrive and run before it is even
// asked for, index.html lists the app's chunks as <link rel="modulepreload">: they download beside the
// first script. (Vite lists only what an entry imports statically.)
import type { Plugin } from 'vite';

/** A chunk of the bundle, as much as this plugin reads of it. */
export interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  imports: string[];
}

/**
 * The files to preload for the chunk made from the module `entry` (a path ending): that chunk and the
 * chunks it imports statically, nearest first, leaving out `loaded` (what the page loads anyway).
 */
export function preloadFiles(bundle: Record<string, ChunkInfo | { type: 'asset' }>, entry: string, loaded: readonly string[]): string[] {
  const chunks = Object.values(bundle).filter((c): c is ChunkInfo => c.type === 'chunk');
  const start = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(entry));
  if (!start) return [];
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const files: string[] = [];
  const seen = new Set(loaded);
  const queue = [start.fileName];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (seen.has(name)) continue;
    seen.add(name);
    files.push(name);
    queue.push(...(byName.get(name)?.imports ?? []));
  }
  return files;
}

/** Adds the preload links for the chunk of `entry` (which the page's script imports) to the HTML page `page`. */
export function preloadApp(page = 'index.html', entry = 'src/boot.tsx'): Plugin {
  let base = './';
  return {
    name: 'preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base === '' ? './' : config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const script = ctx.chunk;
        if (!ctx.bundle || !script || !ctx.filename.replaceAll('\\', '/').endsWith(`/${page}`)) return;
        const loaded = [script.fileName, ...script.imports];
        return preloadFiles(ctx.bundle as Record<string, ChunkInfo | { type: 'asset' }>, entry, loaded).map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
