// The page's first script imports the app dynamically; the build lists the app's chunks in index.html as
// modulepreload links so that they download beside that script instead of after it has run.
import { describe, expect, it } from 'vitest';
import { preloadFiles, type ChunkInfo } from '../../../build/preloadApp';

const chunk = (fileName: string, facadeModuleId: string | null, imports: string[] = []): ChunkInfo => ({ type: 'chunk', fileName, facadeModuleId, imports });
const bundle = {
  'assets/main.js': chunk('assets/main.js', '/app/index.html', ['assets/runtime.js']),
  'assets/boot.js': chunk('assets/boot.js', '/app/src/boot.tsx', ['assets/react.js', 'assets/runtime.js', 'assets/i18n.js']),
  'assets/i18n.js': chunk('assets/i18n.js', null, ['assets/react.js', 'assets/plural.js']),
  'assets/react.js': chunk('assets/react.js', null, ['assets/runtime.js']),
  'assets/plural.js': chunk('assets/plural.js', null),
  'assets/runtime.js': chunk('assets/runtime.js', null),
  'assets/Explorer.js': chunk('assets/Explorer.js', '/app/src/ui/Explorer.tsx', ['assets/react.js']),
  'assets/main.css': { type: 'asset' as const },
};

describe('the chunks preloaded for the app', () => {
  it('are its own chunk and every chunk it imports, nearest first, each once', () => {
    expect(preloadFiles(bundle, 'src/boot.tsx', [])).toEqual(['assets/boot.js', 'assets/react.js', 'assets/runtime.js', 'assets/i18n.js', 'assets/plural.js']);
  });

  it('leave out what the page loads anyway (its script and what that imports)', () => {
    expect(preloadFiles(bundle, 'src/boot.tsx', ['assets/main.js', 'assets/runtime.js'])).toEqual(['assets/boot.js', 'assets/react.js', 'assets/i18n.js', 'assets/plural.js']);
  });

  it('do not include the chunks the app loads only when asked (the explorer), and are none for a module not in the bundle', () => {
    expect(preloadFiles(bundle, 'src/boot.tsx', [])).not.toContain('assets/Explorer.js');
    expect(preloadFiles(bundle, 'src/missing.tsx', [])).toEqual([]);
  });
});
