import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ElementContext, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

function getAxeSource(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export const defaultAxeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export type AxeScope = string | { include: string[]; exclude?: string[] } | { include?: string[]; exclude: string[] };

export interface RunAxeOptions {
  /** CSS selector(s) of what to check (serialisable into the page); defaults to the whole document. */
  context?: AxeScope;
  /** Rule ids to switch off, each with a reason in the calling test. */
  disableRules?: string[];
  /** Tags to run; defaults to WCAG 2.0/2.1 A and AA plus best practices. */
  tags?: string[];
}

type AxeWindow = Window & { axe?: { run: (context: ElementContext, options: RunOptions) => Promise<{ violations: Result[] }> } };

/** Runs axe-core in the page and returns its violations (an empty array when there are none). */
export async function runAxe(page: Page, options: RunAxeOptions = {}): Promise<Result[]> {
  const hasAxe = await page.evaluate(() => typeof (window as AxeWindow).axe !== 'undefined');
  if (!hasAxe) {
    // CSP `script-src 'self'` blocks addScriptTag's inline <script>; a string evaluated over the DevTools protocol is exempt from CSP, and axe.run needs no eval afterwards, so the page's real CSP stays on (no bypassCSP).
    await page.evaluate(getAxeSource());
  }
  const runOptions: RunOptions = {
    runOnly: { type: 'tag', values: options.tags ?? defaultAxeTags },
    resultTypes: ['violations'],
  };
  if (options.disableRules !== undefined && options.disableRules.length > 0) {
    runOptions.rules = Object.fromEntries(options.disableRules.map((id) => [id, { enabled: false }]));
  }
  return page.evaluate(
    async ({ context, runOptions }) => {
      const axe = (window as AxeWindow).axe;
      if (axe === undefined) throw new Error('axe-core was not injected');
      const results = await axe.run(context ?? document, runOptions);
      return results.violations;
    },
    { context: options.context ?? null, runOptions },
  );
}

/**
 * Turns violations into a readable message for `expect(violations, formatViolations(violations)).toEqual([])`.
 */
export function formatViolations(violations: readonly Result[], maxTargets = 3): string {
  if (violations.length === 0) return 'no axe violations';
  const lines = violations.map((violation) => {
    const targets = violation.nodes.slice(0, maxTargets).map((node) => node.target.join(' '));
    const more = violation.nodes.length > maxTargets ? ` (+${violation.nodes.length - maxTargets} more)` : '';
    return `- [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n    ${targets.join('\n    ')}${more}\n    ${violation.helpUrl}`;
  });
  return `${violations.length} axe violation(s):\n${lines.join('\n')}`;
}
