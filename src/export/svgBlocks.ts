import type { Actor } from '../data/model';
import type { I18n } from '../i18n';
import { SANS } from '../timeline/core/geometry';
import type { Palette } from '../timeline/core/palette';
import { wrapText, type MeasureText } from './measureText';
import { el, text } from './xml';

// A picture is a column of blocks (title, dek, subtitle, legend, timeline, footer), each of known height.

/** Space around the picture's content. */
export const MARGIN = 24;

export interface Block {
  height: number;
  draw(top: number): string;
}

export function textBlock(lines: readonly string[], font: { size: number; lineHeight: number; weight?: number; family?: string; fill: string }): Block {
  return {
    height: lines.length * font.lineHeight,
    draw: (top) =>
      lines
        .map((line, i) =>
          text(line, {
            x: MARGIN,
            y: top + i * font.lineHeight + font.size,
            'font-size': font.size,
            'font-weight': font.weight,
            'font-family': font.family,
            fill: font.fill,
          }),
        )
        .join(''),
  };
}

interface LegendEntry {
  swatch: (x: number, y: number) => string;
  /** Where the label starts, after the swatch. */
  indent: number;
  label: string;
}

/** Lane colours and names, then a key to the mark shapes, wrapped into rows. */
export function legendBlock(actors: readonly Actor[], colorOf: (a: Actor) => string, width: number, palette: Palette, measure: MeasureText, i18n: I18n): Block {
  const font = `13px ${SANS}`;
  const entries: LegendEntry[] = [
    ...actors.map((actor) => ({ label: actor.name, indent: 18, swatch: (x: number, y: number) => el('rect', { x, y: y - 10, width: 12, height: 12, rx: 2, fill: colorOf(actor) }) })),
    {
      label: i18n.t('picture.legendPoint'),
      indent: 18,
      swatch: (x: number, y: number) => el('circle', { cx: x + 6, cy: y - 4, r: 5, fill: 'none', stroke: palette.muted, 'stroke-width': 2 }),
    },
    {
      label: i18n.t('picture.legendSpan'),
      indent: 24,
      swatch: (x: number, y: number) =>
        el('g', {}, el('rect', { x, y: y - 10, width: 18, height: 12, rx: 2, fill: palette.muted, 'fill-opacity': 0.2 }), el('rect', { x, y: y - 10, width: 18, height: 2, fill: palette.muted })),
    },
    {
      label: i18n.t('picture.legendCluster'),
      indent: 24,
      swatch: (x: number, y: number) => el('rect', { x, y: y - 10, width: 18, height: 12, rx: 6, fill: 'none', stroke: palette.muted, 'stroke-width': 1.5 }),
    },
  ];
  // Entries side by side, wrapping to new rows; one wider than the picture (a long name or key on a phone)
  // gets rows of its own and wraps its words rather than overflowing.
  const placed: { x: number; line: number; entry: LegendEntry; lines: string[] }[] = [];
  let x = 0;
  let line = 0;
  let rowLines = 1;
  for (const entry of entries) {
    const lines = wrapText(entry.label, width - entry.indent, font, measure);
    const w = entry.indent + Math.max(0, ...lines.map((l) => measure(l, font)));
    if (x > 0 && (x + w > width || lines.length > 1)) {
      line += rowLines;
      rowLines = 1;
      x = 0;
    }
    placed.push({ x, line, entry, lines });
    rowLines = Math.max(rowLines, lines.length);
    x = lines.length > 1 ? width : x + w + 18;
  }
  const lineHeight = 22;
  return {
    height: (line + rowLines) * lineHeight,
    draw: (top) =>
      placed
        .map(({ x: left, line: first, entry, lines }) => {
          const baseline = top + first * lineHeight + 15;
          return (
            entry.swatch(MARGIN + left, baseline) +
            lines.map((l, i) => text(l, { x: MARGIN + left + entry.indent, y: baseline + i * lineHeight, 'font-size': 13, fill: palette.text })).join('')
          );
        })
        .join(''),
  };
}
