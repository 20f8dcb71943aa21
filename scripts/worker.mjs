// A worker thread of a command-line tool (cli.ts runInWorker): TypeScript loaded through tsx, as
// bin/run-script.mjs loads it, then the tool's module, which reads its own workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
