// The bare page: downloads (?data=URL) or reads (the "Open dataset" button) the same file the app opens,
// and parses it (JSON.parse, or d3-dsv for CSV; a piece at a time when the file is too large for one
// string), nothing more. What the network and the parser cost alone, for paths.ts to compare against.
import { isCsv, readCsv, readJson, whenSource } from './loadSource';

const status = document.getElementById('status');
whenSource((source) => {
  // The parsed data is kept (window.__parsed), so that the heap at ready is what it takes.
  const read = isCsv(source)
    ? readCsv(source).then(({ rows, streamed }) => ({ parsed: rows as unknown, count: rows.length, streamed }))
    : readJson(source).then(({ value, streamed }) => ({ parsed: value as unknown, count: Array.isArray(value.events) ? value.events.length : 0, streamed }));
  read.then(
    ({ parsed, count, streamed }) => {
      (window as unknown as { __parsed: unknown }).__parsed = parsed;
      window.__paths?.markReady();
      if (status) status.textContent = `${count} events parsed${streamed ? ' (streamed)' : ''}`;
    },
    (error: unknown) => window.__paths?.fail(error instanceof Error ? error.message : String(error)),
  );
});
