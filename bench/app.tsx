// The app's Explorer on a generated dataset: ?n=10000&seed=1. The clock runs from the dataset object
// being in memory, through validateDataset and React's first commit, to the first frame after it
// that shows marks on the timeline.
import { useLayoutEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { validateDataset } from '../src/data/validate';
import { Explorer } from '../src/ui/Explorer';
import '../src/ui/styles.css';
import { generateDataset } from '../src/data/synthetic';
import { afterNextFrame, asIfParsed, failBench, generateThen, initBench, markReady, signal } from './harness';

const bench = initBench('ours');
/** The frame is complete once the timeline's plot holds marks. */
const COMPLETE = '.timeline-plot [data-mark-key]';

function OnCommit({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  // A parent's layout effect runs after its children's: the whole first tree is committed.
  useLayoutEffect(onCommit, [onCommit]);
  return children;
}

generateThen(
  bench,
  () => asIfParsed(generateDataset({ events: bench.n, seed: bench.seed, eventsPerSource: bench.perSource })),
  (record) => {
    const clock = performance.now();
    bench.clockStart = clock;
    const result = validateDataset(record);
    bench.validateMs = performance.now() - clock;
    signal('validated', String(Math.round(bench.validateMs)));
    bench.problems = result.problems.length;
    const dataset = result.dataset;
    if (!dataset) {
      failBench(bench, `the generated dataset was refused: ${result.problems[0]?.message ?? 'no dataset'}`);
      return;
    }
    bench.events = dataset.events.length;
    const element = document.getElementById('root');
    if (!element) throw new Error('app.html has no #root');
    let committed = false;
    const onCommit = () => {
      if (committed) return;
      committed = true;
      bench.commitMs = performance.now() - clock;
      signal('committed', String(Math.round(bench.commitMs)));
      // Complete means marks on the plot: should the app ever show a placeholder first, the clock waits for them.
      const whenComplete = (rafAt: number, doneAt: number) => {
        bench.firstFrameMs ??= doneAt - clock;
        if (document.querySelector(COMPLETE)) markReady(bench, rafAt, doneAt);
        else afterNextFrame(whenComplete);
      };
      afterNextFrame(whenComplete);
    };
    createRoot(element, {
      onUncaughtError: (error) => failBench(bench, `render failed: ${error instanceof Error ? error.message : String(error)}`),
    }).render(
      <OnCommit onCommit={onCommit}>
        <Explorer dataset={dataset} rejected={result.rejected} />
      </OnCommit>,
    );
  },
);
