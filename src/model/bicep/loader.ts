// web-tree-sitter and the Bicep grammar are loaded once, on first need: a run over JSON templates
// never imports them. Parsing itself is synchronous once `ensureBicepParser()` has resolved.
import { createRequire } from 'node:module';
import type { Parser, Tree } from 'web-tree-sitter';

type LoadState =
  | { readonly kind: 'ready'; readonly parser: Parser }
  | { readonly kind: 'failed'; readonly message: string };

let state: LoadState | undefined;
let loading: Promise<void> | undefined;

/** Loads the parser; never rejects (a failure is reported by every later parse). */
export function ensureBicepParser(): Promise<void> {
  loading ??= load().then(
    (parser) => {
      state = { kind: 'ready', parser };
    },
    (error: unknown) => {
      state = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    },
  );
  return loading;
}

async function load(): Promise<Parser> {
  const { Parser: ParserClass, Language } = await import('web-tree-sitter');
  await ParserClass.init();
  const wasm = createRequire(import.meta.url).resolve('tree-sitter-bicep/tree-sitter-bicep.wasm');
  const language = await Language.load(wasm);
  return new ParserClass().setLanguage(language);
}

/** Whether the parser module has been loaded: 'none' until `ensureBicepParser()` is first called. */
export function bicepParserState(): 'none' | 'loading' | LoadState['kind'] {
  if (state !== undefined) return state.kind;
  return loading === undefined ? 'none' : 'loading';
}

export type RawParse =
  | { readonly kind: 'tree'; readonly tree: Tree }
  /** The parse gave up: error recovery on some invalid files takes minutes. */
  | { readonly kind: 'timeout' }
  | { readonly kind: 'unavailable'; readonly message: string };

/**
 * Parses with a time budget. Valid Bicep parses at megabytes per second; only error recovery on
 * badly broken text comes near the budget, and then the caller looks for the error another way.
 * The caller must `delete()` the tree.
 */
export function parseWithBudget(text: string, budgetMs: number): RawParse {
  if (state === undefined) return { kind: 'unavailable', message: 'the Bicep parser was not loaded (call ensureBicepParser() first)' };
  if (state.kind === 'failed') return { kind: 'unavailable', message: `the Bicep parser could not be loaded: ${state.message}` };
  const started = performance.now();
  const tree = state.parser.parse(text, null, { progressCallback: () => performance.now() - started > budgetMs });
  state.parser.reset();
  return tree === null ? { kind: 'timeout' } : { kind: 'tree', tree };
}
