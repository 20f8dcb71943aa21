import type { CSSProperties, KeyboardEvent } from 'react';
import type { Actor } from '../../data/schema';
import type { TimelineEvent } from '../../data/model';
import { formatEventDate, formatTimeRange } from '../../data/formatDate';
import type { ClusterMark, EchoMark, EventMark } from '../core/layout';
import type { Geometry } from '../core/geometry';
import { clusterBox, compactCount, eventSpanRect, eventSpanTarget, softEnds, spanBox } from '../core/markShapes';
import { useI18n, type I18n } from '../../i18n';

export interface MarkViewProps {
  /** Sizes for a mouse or for fingers (see TOUCH_GEOMETRY). */
  geometry: Geometry;
  isTabStop: boolean;
  /** Outside the current search: drawn faintly, still reachable. */
  dimmed: boolean;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  onFocus: () => void;
  width: number;
}

export function colorStyle(actor: Actor): CSSProperties {
  return { '--mark-light': actor.color.light, '--mark-dark': actor.color.dark } as CSSProperties;
}

export function eventName(event: TimelineEvent, i18n: I18n): string {
  return i18n.t('mark.event', { title: event.title, date: formatEventDate(event.when, i18n) });
}

// Bins are aligned to the epoch, so the same clusters come back frame after frame of a gesture.
const clusterNames = new Map<string, string>();

export function clusterName(mark: ClusterMark, i18n: I18n): string {
  const key = `${i18n.lang} ${mark.count} ${mark.start} ${mark.end}`;
  let name = clusterNames.get(key);
  if (name === undefined) {
    if (clusterNames.size > 4096) clusterNames.clear();
    name = i18n.t('mark.cluster', { count: mark.count, range: formatTimeRange(mark.start, mark.end, i18n) });
    clusterNames.set(key, name);
  }
  return name;
}

function spanEdgeClasses(event: TimelineEvent): string {
  const soft = softEnds(event);
  return [soft.start ? 'soft-start' : '', soft.end ? 'soft-end' : ''].join(' ');
}

interface EventMarkViewProps extends MarkViewProps {
  mark: EventMark;
  event: TimelineEvent;
  selected: boolean;
  /** It matches the search: highlighted, as the matches are in the list and the details. */
  matched?: boolean;
  onSelect: () => void;
}

export function EventMarkView({ mark, event, selected, matched = false, dimmed, isTabStop, onKeyDown, onFocus, onSelect, width, geometry }: EventMarkViewProps) {
  const i18n = useI18n();
  const name = eventName(event, i18n);
  const common = {
    type: 'button' as const,
    'data-event-id': event.id,
    'data-mark-key': mark.key,
    title: name,
    'aria-label': name,
    'aria-pressed': selected,
    tabIndex: isTabStop ? 0 : -1,
    onClick: onSelect,
    onKeyDown,
    onFocus,
  };
  if (mark.shape === 'span') {
    const box = eventSpanRect(mark, width, geometry);
    // A context span keeps a target as high as its row around its thin bar.
    const h = eventSpanTarget(mark, geometry);
    const label = mark.label;
    return (
      <button
        {...common}
        className={`mark mark-span ${spanEdgeClasses(event)}${mark.context ? ' is-context' : ''}${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}${matched ? ' is-match' : ''}`}
        style={{ transform: `translate(${box.left}px, ${mark.y - h / 2}px)`, width: box.width, height: h }}
      >
        {label?.side === 'inside' ? (
          <span
            className="mark-label mark-label-inside"
            // A selected span's title may run past the span's end (see labels.forcedLabel).
            style={{ paddingLeft: Math.max(0, label.x - box.left) + 6, width: Math.max(box.width, label.x - box.left + label.width) }}
            lang={event.textLang?.title}
          >
            {event.title}
          </span>
        ) : label ? (
          <span className={`mark-label mark-label-beside mark-label-${label.side}`} style={{ left: label.x - box.left, width: label.width }} lang={event.textLang?.title}>
            {event.title}
          </span>
        ) : mark.context ? (
          <span className="mark-label mark-label-on-demand" style={{ left: Math.max(0, -box.left) + 6 }} lang={event.textLang?.title} aria-hidden="true">
            {event.title}
          </span>
        ) : null}
      </button>
    );
  }
  // The dot is drawn at its radius, centred in a target that is larger for fingers.
  const half = geometry.pointTarget / 2;
  return (
    <button
      {...common}
      className={`mark mark-point${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}${matched ? ' is-match' : ''}`}
      style={{ transform: `translate(${mark.x - half}px, ${mark.y - half}px)`, width: geometry.pointTarget, height: geometry.pointTarget }}
    >
      <span className="mark-dot" />
      {mark.label ? (
        <span className={`mark-label mark-label-${mark.label.side}`} style={{ left: mark.label.x - (mark.x - half), width: mark.label.width, top: half - 9 }} lang={event.textLang?.title}>
          {event.title}
        </span>
      ) : null}
    </button>
  );
}

interface ClusterMarkViewProps extends MarkViewProps {
  mark: ClusterMark;
  /** The focused event when it sits inside this cluster: the cluster then speaks for it. */
  focusedEvent: TimelineEvent | null;
  containsSelection: boolean;
  /** How many of its events match the search; null when there is no search. */
  matches: number | null;
  /** Drawn over its lane's density band (see DensityBand): outlined on hover, its count shown on focus. */
  quiet?: boolean;
  onActivate: () => void;
}

export function ClusterMarkView({ mark, focusedEvent, containsSelection, matches, quiet = false, dimmed, isTabStop, onKeyDown, onFocus, onActivate, width, geometry }: ClusterMarkViewProps) {
  const i18n = useI18n();
  const counted = clusterName(mark, i18n);
  // A cluster that holds matches of the search says so, in its name and with a badge.
  const summary = matches ? i18n.t('mark.clusterMatches', { cluster: counted, count: matches }) : counted;
  const name = focusedEvent ? i18n.t('mark.inCluster', { event: eventName(focusedEvent, i18n), cluster: summary }) : summary;
  const { box, height } = clusterBox(mark, width, geometry);
  return (
    <button
      type="button"
      className={`mark mark-cluster mark-cluster-${mark.shape}${containsSelection ? ' has-selection' : ''}${dimmed ? ' is-dimmed' : ''}${matches ? ' has-matches' : ''}${quiet ? ' is-quiet' : ''}`}
      data-mark-key={mark.key}
      style={{ transform: `translate(${box.left}px, ${mark.y - height / 2}px)`, width: box.width, height }}
      aria-label={name}
      // Over a band, the band's own tooltip names the bar under the pointer.
      title={quiet ? undefined : i18n.t('mark.zoomHint', { summary })}
      tabIndex={isTabStop ? 0 : -1}
      onClick={onActivate}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      {compactCount(mark.count)}
      {matches ? (
        <span className="cluster-matches" aria-hidden="true">
          {compactCount(matches)}
        </span>
      ) : null}
    </button>
  );
}

interface EchoMarkViewProps {
  mark: EchoMark;
  actor: Actor;
  /** The single event this echo stands for, when it stands for one. */
  event: TimelineEvent | null;
  selected: boolean;
  dimmed: boolean;
  width: number;
  onSelect: () => void;
}

/**
 * An event of another lane that also involves this lane's actor. It is visible and clickable, but
 * hidden from assistive technology and the tab order: each event has one name and one focus stop.
 */
export function EchoMarkView({ mark, actor, event, selected, dimmed, width, onSelect }: EchoMarkViewProps) {
  const i18n = useI18n();
  const point = mark.shape === 'point';
  const box = point ? { left: mark.x - 5, width: 10 } : spanBox(mark.x, mark.x2, width, 6);
  const style = { transform: `translate(${box.left}px, ${mark.y - 5}px)`, width: box.width };
  const className = `mark mark-echo mark-echo-${mark.shape}${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}`;
  if (!event) return <span className={`${className} mark-echo-merged`} style={style} aria-hidden="true" />;
  return (
    <button
      type="button"
      className={className}
      style={style}
      data-echo-of={event.id}
      title={i18n.t('mark.alsoInvolves', { actor: actor.name, event: eventName(event, i18n) })}
      tabIndex={-1}
      aria-hidden="true"
      onClick={onSelect}
    />
  );
}
