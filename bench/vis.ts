// vis-timeline 8 (standalone UMD, loaded by vis.html as window.vis) on the same generated dataset, made
// into items and groups by visItems.ts. Items and groups are built before the clock; the clock runs from
// creating the Timeline to the first frame after its initial draw.
import '../node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css';
import { generateDataset } from '../src/data/synthetic';
import { afterNextFrame, asIfParsed, failBench, generateThen, initBench, markReady, signal } from './harness';
import { HOUR, visData, type VisGlobal } from './visItems';

const bench = initBench('vis');
const loaded = (window as unknown as { vis?: VisGlobal }).vis;
if (loaded) run(loaded);
else failBench(bench, 'vis-timeline did not load (window.vis is missing)');

function run(vis: VisGlobal): void {
  generateThen(
    bench,
    () => {
      const dataset = asIfParsed(generateDataset({ events: bench.n, seed: bench.seed, eventsPerSource: bench.perSource }));
      const { items, groups, zoomMax } = visData(dataset);
      return { items: new vis.DataSet(items), groups: new vis.DataSet(groups), zoomMax, title: dataset.title };
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
