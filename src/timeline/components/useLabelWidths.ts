import { useMemo } from 'react';

export const LABEL_FONT = '500 13px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const AVERAGE_CHAR_WIDTH = 7.1;

/**
 * Label widths in pixels, measured once per dataset in one batch on a canvas; where no canvas is
 * available (tests), an estimate from the character count. Layout never measures the DOM.
 */
export function useLabelWidths(titles: readonly string[]): Float32Array {
  return useMemo(() => {
    const widths = new Float32Array(titles.length);
    const context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
    if (context) context.font = LABEL_FONT;
    titles.forEach((title, i) => {
      widths[i] = Math.ceil(context ? context.measureText(title).width : title.length * AVERAGE_CHAR_WIDTH) + 4;
    });
    return widths;
  }, [titles]);
}
