// vis-timeline 8.5 opening our JSON file as a page built on it would: fetch ?data= (or read the file chosen
// with "Open dataset"), JSON.parse, map to DataSets (visItems.ts, as vis.ts does), create the Timeline.
// Ready: a task after the first frame that follows its initial draw (onInitialDrawComplete).
import '../node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css';
import { afterNextFrame } from './harness';
import { readJson, whenSource } from './loadSource';
import { HOUR, visData, type VisGlobal, type VisSource } from './visItems';

const vis = (window as unknown as { vis?: VisGlobal }).vis;
const fail = (error: unknown) => window.__paths?.fail(error instanceof Error ? error.message : String(error));
whenSource((source) => {
  if (!vis) return fail('vis-timeline did not load (window.vis is missing)');
  readJson(source)
    .then(({ value }) => {
      const container = document.getElementById('timeline');
      if (!container) throw new Error('vis-load.html has no #timeline');
      const { items, groups, zoomMax } = visData(value as unknown as VisSource);
      let constructed = false;
      let drawn = false;
      const finish = () => {
        if (constructed && drawn) afterNextFrame((rafAt) => window.__paths?.markReady(rafAt));
      };
      const timeline = new vis.Timeline(container, new vis.DataSet(items), new vis.DataSet(groups), {
        orientation: { axis: 'top' },
        zoomMin: 3 * HOUR,
        zoomMax,
        onInitialDrawComplete: () => {
          drawn = true;
          finish();
        },
      });
      window.__visTimeline = timeline;
      constructed = true;
      finish();
    })
    .catch(fail);
});
