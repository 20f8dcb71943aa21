import { memo, useId, type KeyboardEvent } from 'react';
import type { TimelineEvent } from '../../data/model';
import type { ClusterMark, EchoMark, FocusKeys, Mark, TimelineLayout } from '../core/layout';
import { ClusterMarkView, colorStyle, EchoMarkView, EventMarkView } from './MarkView';
import { useI18n } from '../../i18n';
import { isQuiet, type DensityLayout } from '../core/density';
import { DensityNote } from './DensityBand';
import type { LaneMarks } from './laneReveal';

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

export interface MarksLayerProps {
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
  /** The layout's marks by lane (see marksByLane). */
  lanes: LaneMarks;
  /** The echoes and marks drawn, by key, while they come a part at a time (see marksDrawn); null: all of them. */
  drawnKeys: ReadonlySet<string> | null;
}

/**
 * The focusable marks: one button per event or cluster in view, and the echoes. They come a part a frame
 * where that spares a long one (see useDrawnBound): at 1,000 events about a quarter of the time from opening
 * a file to the first marks on screen went on marks below the first screen, nobody could see yet.
 */
export const MarksLayer = memo(function MarksLayer({ layout, top, height, width, events, hits, selectedIndex, focusedIndex, stopKey, handlers, density, lanes, drawnKeys }: MarksLayerProps) {
  const { t } = useI18n();
  const noteId = useId();
  const dimmed = (index: number) => hits !== null && hits[index] !== 1;
  const drawn = (mark: { key: string }) => drawnKeys === null || drawnKeys.has(mark.key);
  const onKeyDown = handlers.onKeyDown;
  return (
    <div
      className="timeline-marks"
      style={{ top, height }}
      data-waiting={drawnKeys !== null ? '' : undefined}
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
        const lane = lanes.get(laneId) ?? NO_LANE_MARKS;
        const echoes = drawnKeys === null ? lane.echoes : lane.echoes.filter(drawn);
        const marks = drawnKeys === null ? lane.marks : lane.marks.filter(drawn);
        if (echoes.length === 0 && marks.length === 0) return null;
        const laneDensity = density.lanes.find((l) => l.laneId === laneId);
        return (
          <div
            key={laneId}
            role="group"
            aria-label={t('timeline.lane', { lane: actor.name, count: lane.marks.length })}
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
