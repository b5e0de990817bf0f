#!/usr/bin/env node
import { allRules, createEngine } from '../engine/engine.js';
import { processIo } from './io.js';
import { main } from './main.js';
import { findPackageRoot } from './package-info.js';

process.exitCode = await main(process.argv.slice(2), processIo(), {
  createEngine,
  rules: allRules,
  packageRoot: findPackageRoot(import.meta.url),
  workerScript: new URL('./lint-worker.js', import.meta.url),
});
