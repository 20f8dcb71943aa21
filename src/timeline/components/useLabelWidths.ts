import { useMemo } from 'react';
import { LABEL_FONT } from '../core/geometry';
const AVERAGE_CHAR_WIDTH = 7.1;

/**
 * Label width in pixels per event index, measured on a canvas the first time layout asks for it and
 * remembered; where no canvas is available (tests), an estimate from the character count. Layout only
 * asks for labels in view, so a large dataset opens without measuring every title (nor copying them:
 * the events are read as they are). Layout never measures the DOM.
 */
export function useLabelWidths(events: readonly { title: string }[]): (index: number) => number {
  return useMemo(() => {
    const widths = new Float32Array(events.length); // 0: not measured yet
    let context: OffscreenCanvasRenderingContext2D | null | undefined;
    return (index: number) => {
      const known = widths[index];
      if (known) return known;
      const title = events[index]?.title;
      if (title === undefined) return 0;
      if (context === undefined) {
        context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
        if (context) context.font = LABEL_FONT;
      }
      const width = Math.ceil(context ? context.measureText(title).width : title.length * AVERAGE_CHAR_WIDTH) + 4;
      widths[index] = width;
      return width;
    };
  }, [events]);
}
