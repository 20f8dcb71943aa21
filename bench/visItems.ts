// Our dataset as vis-timeline items and groups, the same way for the in-memory page (vis.ts) and the
// open-a-file page (vis-load.ts): one group per lane actor (a state, an alliance or an unaffiliated
// organization, as in the app), a point item per day-precise date and a range item for everything else.

/** The little of vis' API used here (its published typings need moment and hammer types). */
export interface VisTimeline {
  on(event: string, callback: () => void): void;
  getWindow(): { start: Date; end: Date };
}
export interface VisGlobal {
  DataSet: new (items: readonly object[]) => object;
  Timeline: new (container: HTMLElement, items: object, groups: object, options: Record<string, unknown>) => VisTimeline;
}

export interface VisItem {
  id: string;
  group: string;
  content: string;
  start: number;
  end?: number;
  type: 'point' | 'range';
}

/** The fields of our dataset that vis-timeline is given. */
export interface VisSource {
  actors: readonly { id: string; name: string; memberOf?: string }[];
  events: readonly { id: string; date: string; title: string; actors: readonly string[] }[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The first and last instant of an EDTF date the generator writes: YYYY, YYYY-MM or YYYY-MM-DD. */
function period(text: string): { start: number; end: number } {
  const [y = 0, m, d] = text.split('-').map(Number);
  if (m === undefined) return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) };
  if (d === undefined) return { start: Date.UTC(y, m - 1, 1), end: Date.UTC(y, m, 1) };
  const start = Date.UTC(y, m - 1, d);
  return { start, end: start + DAY };
}

/** Items, groups (lanes ordered by how many events they hold, as in the app) and the widest zoom. */
export function visData(dataset: VisSource): { items: VisItem[]; groups: { id: string; content: string }[]; zoomMax: number } {
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const laneOf = (id: string) => actors.get(id)?.memberOf ?? id;
  const counts = new Map<string, number>();
  let min = Infinity;
  let max = -Infinity;
  const items: VisItem[] = dataset.events.map((event) => {
    const group = laneOf(event.actors[0] as string);
    counts.set(group, (counts.get(group) ?? 0) + 1);
    const [from, to] = event.date.split('/') as [string, string | undefined];
    const low = period(from);
    const high = to === undefined ? low : period(to);
    min = Math.min(min, low.start);
    max = Math.max(max, high.end);
    // A day-precise date is a point in the middle of its day, as in the app.
    return to === undefined && from.length === 10
      ? { id: event.id, group, content: event.title, start: low.start + DAY / 2, type: 'point' }
      : { id: event.id, group, content: event.title, start: low.start, end: high.end, type: 'range' };
  });
  const groups = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0)).map((id) => ({ id, content: actors.get(id)?.name ?? id }));
  const fitted = (max - min) * 1.08;
  // The same zoom limits as the app: a few hours at the closest, four times the data at the widest.
  return { items, groups, zoomMax: Math.max(fitted * 4, 7 * DAY) };
}

/**
 * The Timeline with the app's zoom limits (a few hours at the closest, four times the data at the widest);
 * `onDrawn` is called once it is constructed and vis has drawn the items and made its root visible
 * (onInitialDrawComplete, called in a timeout).
 */
export function createVisTimeline(vis: VisGlobal, container: HTMLElement, data: { items: object; groups: object; zoomMax: number }, onDrawn: () => void): VisTimeline {
  let constructed = false;
  let drawn = false;
  const finish = () => {
    if (constructed && drawn) onDrawn();
  };
  const timeline = new vis.Timeline(container, data.items, data.groups, {
    orientation: { axis: 'top' },
    zoomMin: 3 * HOUR,
    zoomMax: data.zoomMax,
    onInitialDrawComplete: () => {
      drawn = true;
      finish();
    },
  });
  constructed = true;
  finish();
  return timeline;
}
