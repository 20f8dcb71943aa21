// vis-timeline 8.5 opening our JSON file as a page built on it would (vis.html?load): fetch ?data= (or read
// the file chosen with "Open dataset"), JSON.parse, map to DataSets (visItems.ts, as vis.ts does), create
// the Timeline. Ready (for paths.ts's probe): a task after the first frame that follows its initial draw.
import { afterNextFrame } from './harness';
import { readJson, whenSource } from './loadSource';
import { createVisTimeline, visData, type VisGlobal, type VisSource } from './visItems';

export function openToLoad(vis: VisGlobal | undefined): void {
  const fail = (error: unknown) => window.__paths?.fail(error instanceof Error ? error.message : String(error));
  whenSource((source) => {
    if (!vis) return fail('vis-timeline did not load (window.vis is missing)');
    readJson(source)
      .then(({ value }) => {
        const container = document.getElementById('timeline');
        if (!container) throw new Error('vis.html has no #timeline');
        const { items, groups, zoomMax } = visData(value as unknown as VisSource);
        window.__visTimeline = createVisTimeline(vis, container, { items: new vis.DataSet(items), groups: new vis.DataSet(groups), zoomMax }, () =>
          afterNextFrame((rafAt) => window.__paths?.markReady(rafAt)),
        );
      })
      .catch(fail);
  });
}
