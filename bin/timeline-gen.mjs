#!/usr/bin/env node
import { run } from './run-script.mjs';

await run('gen');
