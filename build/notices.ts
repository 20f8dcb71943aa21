// Third-party notices shipped with the build: every package whose code ends up in the bundle, with its
// licence text, found by rollup-plugin-license and written to THIRD-PARTY-NOTICES.txt beside index.html.
import license, { type Dependency } from 'rollup-plugin-license';
import type { Plugin } from 'vite';

export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

/** The notices text: one section per package, by name, with its licence and the licence's own words. */
export function noticesText(dependencies: readonly Dependency[]): string {
  const sections = [...dependencies]
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))
    .map((d) =>
      [
        `${d.name ?? '(unnamed)'} ${d.version ?? ''}`.trim(),
        `License: ${d.license ?? 'not stated in its package.json'}`,
        ...(d.homepage ? [`Homepage: ${d.homepage}`] : []),
        '',
        (d.licenseText ?? 'No licence file is included in the package; its package.json states the licence above.').trim(),
        ...(d.noticeText ? ['', d.noticeText.trim()] : []),
      ].join('\n'),
    );
  return [
    'Third-party software in this build',
    '',
    'This timeline is MIT-licensed (see LICENSE in its repository). It includes the following packages,',
    'each under its own licence, reproduced here as its package ships it.',
    '',
    ...sections.map((s) => `${'='.repeat(78)}\n${s}\n`),
  ].join('\n');
}

/** The plugins that collect the bundled packages and emit the notices file. */
export function thirdPartyNotices(): Plugin[] {
  let dependencies: Dependency[] = [];
  return [
    { ...(license({ thirdParty: (found) => void (dependencies = found) }) as Plugin), apply: 'build' },
    {
      name: 'third-party-notices',
      apply: 'build',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: NOTICES_FILE, source: noticesText(dependencies) });
      },
    },
  ];
}
