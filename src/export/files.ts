/** A file name from a dataset title: "Biden allows Ukraine…" → "biden-allows-ukraine…-timeline.svg". */
export function exportFileName(title: string, what: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'dataset'}-${what}.${extension}`;
}
