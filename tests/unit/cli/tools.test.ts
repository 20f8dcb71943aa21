// The command-line tools as a shell runs them: help, exit codes, standard input and output.
// Each test starts the script with tsx in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../e2e/support/server';
import { BUNDLED_TEXT, readFixture } from '../../fixtures/files';

// Each run starts Node and tsx (about half a second, several on a busy machine).
vi.setConfig({ testTimeout: 60_000 });

const SCRIPTS = { validate: 'scripts/validate.ts', convert: 'scripts/convert.ts', schema: 'scripts/write-json-schema.ts', gen: 'scripts/gen.ts' } as const;

function run(tool: keyof typeof SCRIPTS, args: string[], input?: string, nodeOptions: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeOptions, '--import', 'tsx', SCRIPTS[tool], ...args], { cwd: projectRoot, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every tool', () => {
  it.each(Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[])('%s --help prints its usage on standard output and exits 0', (tool) => {
    const { code, stdout, stderr } = run(tool, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run /);
    expect(stdout).toMatch(/Exit status: 0/);
    expect(stderr).toBe('');
  });

  it('exits 2 with the usage line for an unknown option', () => {
    const { code, stdout, stderr } = run('convert', ['--frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^convert: Unknown option '--frobnicate'\nusage: npm run convert/);
  });
});

describe('validate', () => {
  it('reads a dataset from standard input, byte-order mark and all', () => {
    const { code, stdout } = run('validate', ['-'], `\uFEFF${BUNDLED_TEXT}`);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\(stdin\): valid; 30 events/);
  });

  it('exits 1 with every problem for an invalid dataset and 2 for a file it cannot read', () => {
    const invalid = run('validate', ['-'], '{"title": "x"}');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^\(stdin\): \d+ problems?\n {2}/);
    const missing = run('validate', [join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`validate: cannot read ${join(dir, 'nope.json')}: no such file or folder (ENOENT)\n`);
  });
});

describe('validate, given a gzipped file', () => {
  it('reads it as the app does, and names a file cut short', () => {
    const packed = gzipSync(BUNDLED_TEXT);
    writeFileSync(join(dir, 'kursk.json.gz'), packed);
    const valid = run('validate', [join(dir, 'kursk.json.gz')]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/kursk\.json\.gz: valid; 30 events/);
    writeFileSync(join(dir, 'cut.json.gz'), packed.subarray(0, packed.length >> 1));
    const cut = run('validate', [join(dir, 'cut.json.gz')]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/cut\.json\.gz: 1 problem\n {2}.*is gzip-compressed, but its compressed data is damaged or cut short \(after \d+ (bytes|KB)\)/);
  });
});

describe('convert, given a gzipped spreadsheet', () => {
  it('converts what it unpacks to', () => {
    writeFileSync(join(dir, 'semicolons.csv.gz'), gzipSync(readFixture('import/semicolons.csv')));
    writeFileSync(join(dir, 'semicolons.csv'), readFixture('import/semicolons.csv'));
    const packed = run('convert', [join(dir, 'semicolons.csv.gz'), '--out', '-']);
    const plain = run('convert', [join(dir, 'semicolons.csv'), '--out', '-']);
    expect(packed.code).toBe(0);
    // The same dataset, but that it names the file it came from (named after it without its two extensions).
    expect(packed.stdout).toContain('“semicolons.csv.gz”');
    expect(packed.stdout.replaceAll('semicolons.csv.gz', 'semicolons.csv')).toBe(plain.stdout);
    expect((JSON.parse(packed.stdout) as { title: string }).title).toBe('semicolons');
  });

  it('exits 2 naming a gzipped file cut short', () => {
    const packed = gzipSync(readFixture('import/semicolons.csv'));
    writeFileSync(join(dir, 'cut.csv.gz'), packed.subarray(0, packed.length - 6));
    const cut = run('convert', [join(dir, 'cut.csv.gz'), '--out', '-']);
    expect(cut.code).toBe(2);
    expect(cut.stdout).toBe('');
    expect(cut.stderr).toMatch(new RegExp(`^convert: ${join(dir, 'cut.csv.gz').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is gzip-compressed, but its compressed data is damaged or cut short \\(at its end, after all \\d+ bytes\\)`));
  });
});

describe('convert', () => {
  it('converts standard input to standard output, its messages on standard error, naming the delimiter it found', () => {
    const { code, stdout, stderr } = run('convert', ['-', '--out', '-'], readFixture('import/semicolons.csv'));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { events: unknown[] }).events).toHaveLength(2);
    expect(stderr).toMatch(/^\(stdin\): read as a TimelineJS spreadsheet, separated by semicolons\n/);
    expect(stderr).toMatch(/\(stdout\): valid; 2 events/);
  });

  it('says a JSON file that is neither TimelineJS nor a dataset is neither, and one of ours is already a dataset', () => {
    const pkg = run('convert', ['package.json', '-o', join(dir, 'out.json')]);
    expect(pkg.code).toBe(1);
    expect(pkg.stderr).toMatch(/package\.json: this JSON is neither a TimelineJS file .* nor a dataset/);
    const ours = run('convert', ['data/kursk-2024.json', '-o', join(dir, 'out.json')]);
    expect(ours.code).toBe(1);
    expect(ours.stderr).toMatch(/is already a dataset in our format/);
  });

  it('exits 1 after writing a dataset with no events', () => {
    const out = join(dir, 'empty.json');
    const { code, stderr } = run('convert', ['-', '-o', out], 'Year,Headline\nno year,Nothing dated\n');
    expect(code).toBe(1);
    expect(stderr).toMatch(/has no events/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(expect.objectContaining({ events: [] }));
  });

  it('says in one line, without a stack trace, that an output path cannot be written, and exits 2', () => {
    const { code, stderr } = run('convert', ['tests/fixtures/import/tabs.tsv', '-o', join(dir, 'no-such-folder', 'x.json')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`convert: cannot write ${join(dir, 'no-such-folder', 'x.json')}: no such file or folder (ENOENT)\n`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says in one line, without a V8 stack, that a file needs more memory than Node has, and how to give it more', () => {
    // 40,000 rows (9 MB) need some 150 MB to convert; Node is given a heap of 64 MB.
    const csv = join(dir, 'large.csv');
    const row = (i: number) => `event-${i},2024-05-${String((i % 28) + 1).padStart(2, '0')},Event number ${i},${'A summary that runs on. '.repeat(6)},Arland,"${'Words the source says. '.repeat(4)}",https://example.org/${i % 50}`;
    writeFileSync(csv, ['id,date,title,summary,actors,excerpt,source', ...Array.from({ length: 40_000 }, (_, i) => row(i))].join('\n'));
    const { code, stderr } = run('convert', [csv, '-o', join(dir, 'large.json')], undefined, ['--max-old-space-size=64']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^convert: ran out of memory: Node's heap here holds [\d,]+ MB, and this file needs more\. Give Node more memory and run it again: NODE_OPTIONS=--max-old-space-size=\d+ npm run convert -- /m);
    expect(stderr).not.toMatch(/FATAL ERROR|\n\s+at |Native stack/);
  });

  it('exits 2 without --out or with two inputs', () => {
    expect(run('convert', ['a.csv']).stderr).toMatch(/^convert: --out is required/);
    expect(run('convert', ['a.csv', 'b.csv', '-o', 'x']).code).toBe(2);
  });
});

describe('schema and gen', () => {
  it('schema writes to standard output with --out -', () => {
    const { code, stdout } = run('schema', ['--out', '-']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(expect.objectContaining({ title: 'Conflict timeline dataset' }));
  });

  it('gen writes to standard output and exits 2 on a bad count', () => {
    const ok = run('gen', ['--events', '2', '--out', '-']);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { events: unknown[] }).events).toHaveLength(2);
    const bad = run('gen', ['--events', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^gen: --events must be a whole number/);
  });
});
