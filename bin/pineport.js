#!/usr/bin/env node
// Entry point for `npx pineport`: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`).
import { main } from '../dist/cli/main.js';
import { tuneV8ForBacktests } from '../dist/run/v8-tuning.js';

// Backtests run faster with a larger V8 inlining budget (src/run/v8-tuning.ts has the figures).
tuneV8ForBacktests();

process.exitCode = await main(process.argv.slice(2));
