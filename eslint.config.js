import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The layers, lowest first: each may import only from the layers before it (see README, "How the code is
 * organised"). i18n (messages and t()) is the base every layer words its strings with; the top layer's
 * folders may import each other only as listed in `above`.
 */
const LAYERS = [
  { name: 'i18n', paths: ['./src/i18n'] },
  { name: 'data', paths: ['./src/data'] },
  { name: 'timeline/core', paths: ['./src/timeline/core'] },
  { name: 'state and interaction', paths: ['./src/state', './src/timeline/interaction'] },
];
const TOP = ['./src/timeline/components', './src/export', './src/embed', './src/ui', './src/author'];
/** Among the top layer: what each folder must not import (the page's ui composes the others). */
const TOP_FORBIDS = {
  './src/timeline/components': ['./src/export', './src/embed', './src/ui', './src/author'],
  './src/export': ['./src/timeline/components', './src/timeline/interaction', './src/embed', './src/ui', './src/author'],
  './src/embed': ['./src/timeline/components', './src/export', './src/ui', './src/author'],
  './src/ui': ['./src/author'],
};
const layerZones = [
  ...LAYERS.flatMap((layer, i) => {
    const above = [...LAYERS.slice(i + 1).flatMap((l) => l.paths), ...TOP, './src/App.tsx', './src/main.tsx'];
    return layer.paths.map((target) => ({
      target,
      from: above.filter((from) => from !== target),
      message: `${layer.name} sits below the folder imported here; imports run data → timeline/core → state → components, ui, export, embed`,
    }));
  }),
  // State and the gesture controller are side by side: neither imports the other.
  { target: './src/state', from: ['./src/timeline/interaction'], message: 'state does not know about gestures.' },
  { target: './src/timeline/interaction', from: ['./src/state'], message: 'the gesture controller reports windows; it does not read view state.' },
  ...Object.entries(TOP_FORBIDS).map(([target, from]) => ({ target, from, message: 'these folders are side by side; only ui composes them.' })),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'tests/e2e/artifacts', 'bench/tmp', 'bench/dist', 'bench/results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'tests/component/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // Imports run one way (layerZones above), and no module imports itself through others.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    // Only the pan/zoom controller touches the DOM through d3.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/timeline/interaction/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'd3-selection', message: 'Only src/timeline/interaction may use d3-selection.' }, { name: 'd3-zoom', message: 'Only src/timeline/interaction may use d3-zoom.' }] }],
    },
  },
  {
    // The layout core stays pure: no React, no DOM libraries.
    files: ['src/timeline/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'd3-selection', 'd3-zoom', '*/components/*', '*/interaction/*'], message: 'timeline/core is pure layout math.' }] },
      ],
    },
  },
  {
    // One module writes the address bar (state/addressBar.ts): the view, the language and the dataset go through it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/state/addressBar.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name=/^(pushState|replaceState)$/]", message: 'Write the address through state/addressBar.ts, its one writer.' },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
);
