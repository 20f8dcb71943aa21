import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

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
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
);
