import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TimelineEvent } from '../../data/model';
import type { Actor } from '../../data/schema';
import type { TimelineLayout } from '../core/layout';
import { HATCH_TURN_DEGREES, softEnds } from '../core/markShapes';
import { drawHatchTile, paintMarks, type PaintTheme } from './paintMarks';
import { readTheme } from './pageTheme';

interface GestureCanvasProps {
  layout: TimelineLayout;
  width: number;
  height: number;
  top: number;
  actorsById: ReadonlyMap<string, Actor>;
  events: readonly TimelineEvent[];
  hits: Uint8Array | null;
  selected: number | undefined;
  /** Lanes drawn as density bands (see DensityBand): their binned clusters are left to the band. */
  quiet?: ReadonlySet<string>;
  /** Echoes and marks left out, by key: they are focusable marks again (see laneReveal). */
  omitKeys?: ReadonlySet<string> | null;
}

const NOT_SOFT = { start: false, end: false };

/** The page's resolved colours and font (CSS custom properties do not reach a canvas). */
function themeOf(element: HTMLElement): PaintTheme {
  const { theme, palette } = readTheme();
  return { dark: theme === 'dark', surface: palette.surface, text: palette.text, font: getComputedStyle(element).fontFamily };
}

// The theme changes only with the reader's setting or the page's data-theme; reading it forces a style pass.
let themeCache: { key: string; theme: PaintTheme } | null = null;
function cachedTheme(element: HTMLElement): PaintTheme {
  const key = `${document.documentElement.dataset.theme ?? ''} ${String(window.matchMedia?.('(prefers-color-scheme: dark)').matches)}`;
  if (themeCache?.key !== key) themeCache = { key, theme: themeOf(element) };
  return themeCache.theme;
}

/** Drawn beyond the visible part of the plot, so that a label or mark at the edge is not cut. */
const BAND_MARGIN = 60;

/** The marks drawn on one canvas for each frame of a gesture (see paintMarks); hidden from assistive technology. */
export function GestureCanvas({ layout, width, height, top, actorsById, events, hits, selected, quiet, omitKeys }: GestureCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  // Only the stretch of the plot inside the viewport is drawn: a tall plot need not be painted whole each frame.
  // The plot's place on screen is measured when the gesture starts and when the page scrolls or resizes, not
  // on each frame: the plot's height changes with most frames, and measuring then forced a layout of the page.
  const [screen, setScreen] = useState<{ plotTop: number; viewport: number } | null>(null);
  useLayoutEffect(() => {
    const plot = ref.current?.parentElement;
    if (!plot) return;
    const measure = () => setScreen({ plotTop: plot.getBoundingClientRect().top, viewport: window.innerHeight });
    measure();
    document.addEventListener('scroll', measure, { capture: true, passive: true });
    window.addEventListener('resize', measure);
    return () => {
      document.removeEventListener('scroll', measure, { capture: true });
      window.removeEventListener('resize', measure);
    };
  }, []);
  const band = useMemo(() => {
    if (screen === null) return null;
    const marksTop = screen.plotTop + top;
    const from = Math.max(0, Math.floor(-marksTop - BAND_MARGIN));
    const to = Math.min(height, Math.ceil(screen.viewport - marksTop + BAND_MARGIN));
    return to > from ? { from, to } : { from: 0, to: 0 };
  }, [screen, top, height]);
  const hatches = useRef(new Map<string, CanvasPattern | null>());
  const pixelRatio = typeof window === 'undefined' ? 1 : Math.min(window.devicePixelRatio || 1, 2);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || !band) return;
    paintMarks(context, {
      layout,
      width,
      height,
      band,
      pixelRatio,
      actorOf: (id) => actorsById.get(id),
      titleOf: (i) => events[i]?.title ?? '',
      softEndsOf: (i) => {
        const event = events[i];
        return event ? softEnds(event) : NOT_SOFT;
      },
      dimmed: (i) => hits !== null && hits[i] !== 1,
      selected,
      quiet,
      omitKeys,
      theme: cachedTheme(canvas),
      hatch: (color) => {
        let pattern = hatches.current.get(color);
        if (pattern === undefined) {
          const tile = document.createElement('canvas');
          tile.width = 8;
          tile.height = 8;
          const tileContext = tile.getContext('2d');
          if (tileContext) drawHatchTile(tileContext, color);
          pattern = tileContext ? context.createPattern(tile, 'repeat') : null;
          pattern?.setTransform(new DOMMatrix().rotateSelf(HATCH_TURN_DEGREES));
          hatches.current.set(color, pattern);
        }
        return pattern;
      },
    });
  }, [layout, width, height, band, pixelRatio, actorsById, events, hits, selected, quiet, omitKeys]);
  return (
    <canvas
      ref={ref}
      className="timeline-canvas"
      width={Math.round(width * pixelRatio)}
      height={Math.round((band ? band.to - band.from : 0) * pixelRatio)}
      style={{ top: top + (band?.from ?? 0), width, height: band ? band.to - band.from : 0 }}
      aria-hidden="true"
    />
  );
}
