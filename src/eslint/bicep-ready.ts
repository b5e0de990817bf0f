// ESLint's `parse` is synchronous and web-tree-sitter loads asynchronously, so the Bicep parser is
// loaded when the plugin is imported (ESLint imports its config, and so the plugin, asynchronously).
// A failed load is not an error here: every Bicep file then gets a parsing error that says why.
import { prepareFrontend } from '../model/frontends.js';

await prepareFrontend('main.bicep');
