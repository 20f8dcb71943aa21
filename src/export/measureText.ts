// Text in a picture has no CSS to wrap or cut it: lines are measured and broken here (cut: core/fitText).
import type { MeasureText } from '../timeline/core/fitText';

export { fitText, type MeasureText } from '../timeline/core/fitText';

/** A rough width for when no canvas is at hand (tests): about half an em per character. */
export const estimateText: MeasureText = (text, font) => text.length * (Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 13) * 0.56);

/** Words broken into lines no wider than `width`; a word wider than a line (a long link) is broken where it must be. */
export function wrapText(content: string, width: number, font: string, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, font) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (line.length > 1 && measure(line, font) > width) {
      let fits = 1;
      while (fits < line.length - 1 && measure(line.slice(0, fits + 1), font) <= width) fits += 1;
      lines.push(line.slice(0, fits));
      line = line.slice(fits);
    }
  }
  if (line) lines.push(line);
  return lines;
}
