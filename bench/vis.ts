// vis-timeline 8 (standalone UMD, loaded by vis.html as window.vis) on the same generated dataset, made
// into items and groups by visItems.ts. Items and groups are built before the clock; the clock runs from
// creating the Timeline to the first frame after its initial draw.
import '../node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css';
import { generateDataset } from '../src/data/synthetic';
import { afterNextFrame, asIfParsed, failBench, generateThen, initBench, markReady, signal, type BenchState } from './harness';
import { openToLoad } from './vis-load';
import { createVisTimeline, visData, type VisGlobal } from './visItems';

// vis.html?load opens a file instead (vis-load.ts): it brings its own in-page probe (paths.ts).
const loaded = (window as unknown as { vis?: VisGlobal }).vis;
if (new URLSearchParams(window.location.search).has('load')) openToLoad(loaded);
else {
  const bench = initBench('vis');
  if (loaded) run(bench, loaded);
  else failBench(bench, 'vis-timeline did not load (window.vis is missing)');
}

function run(bench: BenchState, vis: VisGlobal): void {
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
      const timeline = createVisTimeline(vis, container, { items, groups, zoomMax }, () => {
        if (bench.phase === 'rendering') afterNextFrame((rafAt, doneAt) => markReady(bench, rafAt, doneAt));
      });
      bench.commitMs = performance.now() - clock;
      signal('constructed', String(Math.round(bench.commitMs)));
      timeline.on('changed', () => {
        if (bench.firstChangedMs === undefined) {
          bench.firstChangedMs = performance.now() - clock;
          signal('changed', String(Math.round(bench.firstChangedMs)));
        }
      });
    },
  );
}
