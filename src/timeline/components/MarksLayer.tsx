import { memo, startTransition, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { TimelineEvent } from '../../data/model';
import type { ClusterMark, EchoMark, FocusKeys, Mark, TimelineLayout } from '../core/layout';
import { ClusterMarkView, colorStyle, EchoMarkView, EventMarkView } from './MarkView';
import { useI18n } from '../../i18n';
import { isQuiet, type DensityLayout } from '../core/density';
import { DensityNote } from './DensityBand';

/** Which mark holds the single Tab stop: the focused event's, else the selected one's, else the first in view. */
export function tabStopKey(marks: readonly Mark[], focusKeyOfEvent: FocusKeys, candidates: readonly (number | undefined)[]): string | null {
  for (const index of candidates) {
    if (index === undefined) continue;
    const key = focusKeyOfEvent.get(index);
    if (key) return key;
  }
  const focusable = [...marks];
  focusable.sort((a, b) => a.x - b.x || a.y - b.y);
  return focusable[0]?.key ?? null;
}

const NO_LANE_MARKS: { echoes: EchoMark[]; marks: Mark[] } = { echoes: [], marks: [] };

/** Each lane's echoes and marks, the marks in time order (the order a screen reader reads them in). */
function marksByLane(layout: TimelineLayout): Map<string, { echoes: EchoMark[]; marks: Mark[] }> {
  const lanes = new Map<string, { echoes: EchoMark[]; marks: Mark[] }>();
  const of = (laneId: string) => {
    let lane = lanes.get(laneId);
    if (!lane) lanes.set(laneId, (lane = { echoes: [], marks: [] }));
    return lane;
  };
  for (const echo of layout.echoes) of(echo.laneId).echoes.push(echo);
  for (const mark of layout.marks) of(mark.laneId).marks.push(mark);
  for (const lane of lanes.values()) lane.marks.sort((a, b) => a.x - b.x || a.y - b.y);
  return lanes;
}

/** How many of a cluster's listed events match the search. */
function clusterMatches(mark: ClusterMark, hits: Uint8Array): number {
  let n = 0;
  for (const event of mark.events) n += hits[event] === 1 ? 1 : 0;
  return n;
}

export interface MarkHandlers {
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  focus: (eventId: string) => void;
  select: (eventId: string) => void;
  activateCluster: (mark: ClusterMark) => void;
  fitAll: () => void;
  /** Focus went somewhere outside the marks. */
  leftMarks: () => void;
  /** A pointer went down on the marks (true), or was released or cancelled (false). */
  pressed: (down: boolean) => void;
}

interface MarksLayerProps {
  layout: TimelineLayout;
  top: number;
  height: number;
  width: number;
  events: readonly TimelineEvent[];
  hits: Uint8Array | null;
  selectedIndex: number | undefined;
  focusedIndex: number | undefined;
  stopKey: string | null;
  handlers: MarkHandlers;
  /** The density bands drawn with this layout: their lanes' clusters are quiet, their groups described. */
  density: DensityLayout;
}

/**
 * How far down the page lanes are drawn: until the marks are first painted, where the first screen ends (no
 * mark can stand above the page's top, so a lane that starts below it is out of sight); then null, every lane.
 * In between, after each paint, one more lane: the next that starts at or below the bound (`laneTops`, the
 * lanes' tops in the page). Drawn together, the held lanes were one commit and one frame of 53–65 ms at 1,000
 * events and up to 120 ms at 10,000; one at a time, each is a fraction of that, and the page can answer in between.
 */
function useDrawnBound(laneTops: readonly number[]): number | null {
  const [end, setEnd] = useState<number | null>(() => window.scrollY + window.innerHeight);
  useEffect(() => {
    if (end === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame that paints what is drawn so far: the next lane, as a transition React builds in slices.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const next = nextLaneTop(laneTops, end);
        startTransition(() => setEnd(next === null ? null : next + 1));
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [end, laneTops]);
  return end;
}

/** The top of the first lane that starts at or below `bound` in the page, or null when none does. */
function nextLaneTop(laneTops: readonly number[], bound: number): number | null {
  let next: number | null = null;
  for (const top of laneTops) if (top >= bound && (next === null || top < next)) next = top;
  return next;
}

/**
 * The focusable marks: one button per event or cluster in view, and the echoes. The lanes below the first
 * screen are drawn after the first paint, one per frame, not with it: at 1,000 events about a quarter of the
 * time from opening a file to the first marks on screen went on marks nobody could see yet.
 */
export const MarksLayer = memo(function MarksLayer({ layout, top, height, width, events, hits, selectedIndex, focusedIndex, stopKey, handlers, density }: MarksLayerProps) {
  const { t } = useI18n();
  const noteId = useId();
  const lanes = useMemo(() => marksByLane(layout), [layout]);
  const laneTops = useMemo(() => layout.bands.map((band) => top + band.top), [layout.bands, top]);
  const drawnTo = useDrawnBound(laneTops);
  // Until its turn, a lane that starts below the bound waits, unless it holds a mark a reader or a keyboard
  // may be at: the Tab stop, the selected event's, the focused event's.
  const keyOf = (index: number | undefined) => (index === undefined ? undefined : layout.focusKeyOfEvent.get(index));
  const wanted = drawnTo === null ? null : new Set([stopKey, keyOf(selectedIndex), keyOf(focusedIndex)]);
  const waits = (bandTop: number, marks: readonly Mark[]) =>
    wanted !== null && drawnTo !== null && top + bandTop >= drawnTo && !marks.some((mark) => wanted.has(mark.key));
  const dimmed = (index: number) => hits !== null && hits[index] !== 1;
  const onKeyDown = handlers.onKeyDown;
  return (
    <div
      className="timeline-marks"
      style={{ top, height }}
      data-waiting={drawnTo !== null ? '' : undefined}
      onBlur={(event) => {
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) handlers.leftMarks();
      }}
      onPointerDown={() => handlers.pressed(true)}
      onPointerUp={() => handlers.pressed(false)}
      onPointerCancel={() => handlers.pressed(false)}
    >
      {/* One named group per lane, its marks in time order: a screen reader hears the lane, then its events. */}
      {layout.bands.map((band) => {
        const actor = band.lane.actor;
        const laneId = actor.id;
        const { echoes, marks } = lanes.get(laneId) ?? NO_LANE_MARKS;
        if ((echoes.length === 0 && marks.length === 0) || waits(band.top, marks)) return null;
        const laneDensity = density.lanes.find((l) => l.laneId === laneId);
        return (
          <div
            key={laneId}
            role="group"
            aria-label={t('timeline.lane', { lane: actor.name, count: marks.length })}
            aria-describedby={laneDensity ? `${noteId}${laneId}` : undefined}
            className="timeline-lane-group"
            // The lane's colours, set once for all its marks.
            style={colorStyle(actor)}
          >
            {laneDensity ? <DensityNote id={`${noteId}${laneId}`} lane={laneDensity} step={density.step} /> : null}
            {echoes.map((mark) => {
              const event = mark.events.length === 1 ? (events[mark.events[0] ?? -1] ?? null) : null;
              return (
                <EchoMarkView
                  key={mark.key}
                  mark={mark}
                  actor={actor}
                  event={event}
                  selected={selectedIndex !== undefined && mark.events.includes(selectedIndex)}
                  dimmed={mark.events.every(dimmed)}
                  width={width}
                  onSelect={() => event && handlers.select(event.id)}
                />
              );
            })}
            {marks.map((mark) => {
              const common = { isTabStop: mark.key === stopKey, onKeyDown, width, geometry: layout.geometry };
              if (mark.type === 'event') {
                const event = events[mark.event];
                if (!event) return null;
                return (
                  <EventMarkView
                    key={mark.key}
                    {...common}
                    mark={mark}
                    event={event}
                    selected={mark.event === selectedIndex}
                    dimmed={dimmed(mark.event)}
                    matched={hits !== null && hits[mark.event] === 1}
                    onFocus={() => handlers.focus(event.id)}
                    onSelect={() => handlers.select(event.id)}
                  />
                );
              }
              const holds = (index: number | undefined) => index !== undefined && layout.focusKeyOfEvent.get(index) === mark.key;
              const focusedEvent = holds(focusedIndex) ? (events[focusedIndex ?? -1] ?? null) : null;
              return (
                <ClusterMarkView
                  key={mark.key}
                  {...common}
                  mark={mark}
                  focusedEvent={focusedEvent}
                  containsSelection={holds(selectedIndex)}
                  matches={hits === null ? null : clusterMatches(mark, hits)}
                  quiet={isQuiet(mark, density)}
                  dimmed={!mark.binned && mark.events.every(dimmed)}
                  onFocus={() => {
                    const first = events[mark.first];
                    if (!focusedEvent && first) handlers.focus(first.id);
                  }}
                  onActivate={() => handlers.activateCluster(mark)}
                />
              );
            })}
          </div>
        );
      })}
      {stopKey === null ? (
        <button type="button" className="timeline-empty" onKeyDown={onKeyDown} onClick={handlers.fitAll}>
          {t('timeline.empty')}
        </button>
      ) : null}
    </div>
  );
});
