import { describe, expect, it } from 'vitest';
import { decodeDatasetBytes } from '../../../src/data/textEncoding';
import { readDatasetFile } from '../../../src/data/fetchDataset';
import { loadDatasetFromText } from '../../../src/data/readDataset';
import { BUNDLED_TEXT } from '../../fixtures/kursk';

const SAMPLE = '{"title": "Київ, Zürich"}';

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = bom ? `\uFEFF${text}` : text;
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    bytes[2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    bytes[2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
  }
  return bytes;
}

/** Windows-1252 bytes of text made of Latin-1 characters. */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('decodeDatasetBytes', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    const bytes = new TextEncoder().encode(SAMPLE);
    expect(decodeDatasetBytes(bytes)).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8' });
    expect(decodeDatasetBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8' });
  });

  it.each([
    ['little-endian with a byte-order mark', false, true, 'utf-16le'],
    ['big-endian with a byte-order mark', true, true, 'utf-16be'],
    ['little-endian without one', false, false, 'utf-16le'],
    ['big-endian without one', true, false, 'utf-16be'],
  ])('reads UTF-16 %s', (_, bigEndian, bom, encoding) => {
    const decoded = decodeDatasetBytes(utf16(SAMPLE, bigEndian, bom));
    expect(decoded).toEqual({ ok: true, text: SAMPLE, encoding });
  });

  it('names Latin-1 / Windows-1252 bytes, where the first one stands, instead of replacing them with U+FFFD', () => {
    const decoded = decodeDatasetBytes(latin1('{\n  "title": "Zürich"\n}'));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.message).toContain('is not UTF-8: byte 0xFC at line 2, column 14');
    expect(decoded.message).toContain('Latin-1 or Windows-1252');
    expect(decoded.message).not.toContain('\uFFFD');
  });
});

describe('files in other encodings, opened', () => {
  it('opens the bundled dataset saved as UTF-16 with its accents and quotes intact', async () => {
    const read = await readDatasetFile(new File([utf16(BUNDLED_TEXT, false, true).buffer as ArrayBuffer], 'kursk-utf16.json'));
    expect(read).toEqual({ ok: true, text: BUNDLED_TEXT });
  });

  it('reports a Latin-1 file by name and encoding', async () => {
    const read = await readDatasetFile(new File([latin1('{"title": "Café"}').buffer as ArrayBuffer], 'old.json'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatchObject({ path: 'old.json', message: expect.stringContaining('Latin-1 or Windows-1252') as unknown });
  });

  it('names UTF-16 when such a file reaches the loader already read as UTF-8', async () => {
    const misread = new TextDecoder().decode(utf16('{"title": "x"}', false, false));
    const result = await loadDatasetFromText(misread);
    expect(result.dataset).toBeNull();
    expect(result.problems).toEqual([{ path: '(file)', message: expect.stringContaining('looks like UTF-16') as unknown }]);
  });

  it('accepts JSON that starts with a byte-order mark', async () => {
    const result = await loadDatasetFromText(`\uFEFF${BUNDLED_TEXT}`);
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events.length).toBeGreaterThan(0);
  });
});
