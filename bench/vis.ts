// vis-timeline 8 (standalone UMD, loaded by vis.html as window.vis) on the same generated dataset:
// one group per lane actor (a state, an alliance or an unaffiliated organization, as in the app), a
// point item per day-precise date and a range item for everything else. Items and groups are built
// before the clock; the clock runs from creating the Timeline to the first frame after its initial draw.
import '../node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css';
import { generateDataset } from '../src/data/synthetic';
import { afterNextFrame, asIfParsed, failBench, generateThen, initBench, markReady, signal } from './harness';

/** The little of vis' API used here (its published typings need moment and hammer types). */
interface VisTimeline {
  on(event: string, callback: () => void): void;
}
interface VisGlobal {
  DataSet: new (items: readonly object[]) => object;
  Timeline: new (container: HTMLElement, items: object, groups: object, options: Record<string, unknown>) => VisTimeline;
}

interface VisItem {
  id: string;
  group: string;
  content: string;
  start: number;
  end?: number;
  type: 'point' | 'range';
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

const bench = initBench('vis');
const loaded = (window as unknown as { vis?: VisGlobal }).vis;
if (loaded) run(loaded);
else failBench(bench, 'vis-timeline did not load (window.vis is missing)');

function run(vis: VisGlobal): void {
  generateThen(
    bench,
    () => {
      const dataset = asIfParsed(generateDataset({ events: bench.n, seed: bench.seed, eventsPerSource: bench.perSource }));
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
      // Lanes ordered by how many events they hold, as in the app.
      const groups = [...counts.keys()]
        .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))
        .map((id) => ({ id, content: actors.get(id)?.name ?? id }));
      const fitted = (max - min) * 1.08;
      return { items: new vis.DataSet(items), groups: new vis.DataSet(groups), zoomMax: Math.max(fitted * 4, 7 * DAY), title: dataset.title };
    },
    ({ items, groups, zoomMax, title }) => {
      const container = document.getElementById('timeline');
      const heading = document.getElementById('title');
      if (!container) throw new Error('vis.html has no #timeline');
      if (heading) heading.textContent = `vis-timeline: ${title}`;
      bench.events = bench.n;
      const clock = performance.now();
      bench.clockStart = clock;
      let constructed = false;
      let drawn = false;
      const finish = () => {
        if (!constructed || !drawn || bench.phase !== 'rendering') return;
        afterNextFrame((rafAt, doneAt) => markReady(bench, rafAt, doneAt));
      };
      const timeline = new vis.Timeline(container, items, groups, {
        orientation: { axis: 'top' },
        // The same zoom limits as the app: a few hours at the closest, four times the data at the widest.
        zoomMin: 3 * HOUR,
        zoomMax,
        // Called (in a timeout) once vis has drawn the items and made its root visible.
        onInitialDrawComplete: () => {
          drawn = true;
          finish();
        },
      });
      bench.commitMs = performance.now() - clock;
      signal('constructed', String(Math.round(bench.commitMs)));
      constructed = true;
      timeline.on('changed', () => {
        if (bench.firstChangedMs === undefined) {
          bench.firstChangedMs = performance.now() - clock;
          signal('changed', String(Math.round(bench.firstChangedMs)));
        }
      });
      finish();
    },
  );
}
