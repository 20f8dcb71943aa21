// Writing SVG as text: one element at a time, every attribute value and text escaped here.

// XML 1.0 has no place for most control characters, even escaped: drop them so the file still parses.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c] ?? ''};`);
}

export type Attributes = Record<string, string | number | undefined>;

/** Coordinates to a hundredth of a pixel: enough for any screen, and a smaller file. */
export const round = (n: number) => Math.round(n * 100) / 100;

/** One element; attribute values are escaped here, children are already-written elements or escaped text. */
export function el(name: string, attributes: Attributes, ...children: string[]): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? round(value) : escapeXml(value)}"`)
    .join('');
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
}

/** A <text> element with plain (unescaped) content. */
export function text(content: string, attributes: Attributes): string {
  return el('text', attributes, escapeXml(content));
}
