// Every expression in the real templates of the shared corpus parses, names known functions with
// the right arity, and evaluates without throwing. Skipped where the corpus is not checked out.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import type { Evaluated } from '../../src/model/evaluated.js';
import { checkExpression, createEvaluator, parseArmExpression } from '../../src/model/expr/index.js';
import type { JsonValue } from '../../src/model/value.js';
import { evaluateIn } from './evaluate-helpers.js';
import { parameter, scope, userFunction } from './nodes.js';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const manifest = `${corpus}MANIFEST.tsv`;

type JsonObject = Record<string, JsonValue>;
const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isTemplateOrParameters(root: JsonValue): root is JsonObject {
  if (!isObject(root)) return false;
  const schema = typeof root.$schema === 'string' ? root.$schema : '';
  return /deployment(Template|Parameters)\.json/iu.test(schema) || 'resources' in root;
}

function* strings(value: JsonValue, skipNestedTemplates = false): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item, skipNestedTemplates);
  else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      // An inline nested template has a scope of its own.
      if (skipNestedTemplates && key.toLowerCase() === 'template' && isObject(item) && 'resources' in item) continue;
      yield key;
      yield* strings(item, skipNestedTemplates);
    }
  }
}

/** `namespace.member` of every user function declared anywhere in the file (nested templates too). */
function userFunctionNames(value: JsonValue, names = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => userFunctionNames(item, names));
  else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.toLowerCase() === 'functions' && Array.isArray(item)) {
        for (const ns of item) {
          if (isObject(ns) && typeof ns.namespace === 'string' && isObject(ns.members)) {
            for (const member of Object.keys(ns.members)) names.add(`${ns.namespace}.${member}`.toLowerCase());
          }
        }
      }
      userFunctionNames(item, names);
    }
  }
  return names;
}

function rootEvaluator(root: JsonObject) {
  const parameters = isObject(root.parameters) ? root.parameters : {};
  const variables = isObject(root.variables) ? root.variables : {};
  const functions = Array.isArray(root.functions) ? root.functions : [];
  return createEvaluator(
    scope({
      parameters: Object.entries(parameters).map(([name, decl]) =>
        parameter(name, {
          ...(isObject(decl) && typeof decl.type === 'string' ? { type: decl.type } : {}),
          ...(isObject(decl) && decl.defaultValue !== undefined ? { defaultValue: decl.defaultValue } : {}),
          ...(isObject(decl) && Array.isArray(decl.allowedValues) ? { allowedValues: decl.allowedValues } : {}),
        }),
      ),
      variables: Object.fromEntries(Object.entries(variables).filter(([name]) => name.toLowerCase() !== 'copy')),
      functions: functions.flatMap((ns) => {
        const namespace = isObject(ns) && typeof ns.namespace === 'string' ? ns.namespace : undefined;
        return namespace !== undefined && isObject(ns) && isObject(ns.members)
          ? Object.entries(ns.members).flatMap(([name, member]) => {
              if (!isObject(member) || !isObject(member.output)) return [];
              const names = Array.isArray(member.parameters)
                ? member.parameters.flatMap((p) => (isObject(p) && typeof p.name === 'string' ? [p.name] : []))
                : [];
              return [userFunction(namespace, name, names, member.output.value ?? null)];
            })
          : [];
      }),
    }),
  );
}

describe.skipIf(!existsSync(manifest))('the shared corpus', () => {
  const files = readFileSync(manifest, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter(([path, kind]) => path?.endsWith('.json') && kind !== 'types')
    .map(([path = '']) => path);

  it('has no syntax, unknown-function or arity problem in any template or parameter file', () => {
    const problems: string[] = [];
    let expressions = 0;
    for (const path of files) {
      const root = parseJsonc(readFileSync(`${corpus}${path}`, 'utf8').replace(/^\uFEFF/u, ''), [], {
        allowTrailingComma: true,
      }) as JsonValue;
      if (!isTemplateOrParameters(root)) continue;
      const userFunctions = userFunctionNames(root);
      for (const text of strings(root)) {
        const { expr, problem } = parseArmExpression(text, (index) => index);
        if (problem) problems.push(`${path}: ${text}: ${problem.data.detail ?? ''}`);
        if (expr === undefined) continue;
        expressions++;
        for (const found of checkExpression(expr, userFunctions)) problems.push(`${path}: ${text}: ${found.kind} ${found.data.name ?? ''}`);
      }
    }
    expect(problems).toEqual([]);
    expect(expressions).toBeGreaterThan(100_000);
  });

  it('evaluates every expression in the root scope of every ARM template without throwing', () => {
    const kinds = new Map<string, number>();
    for (const path of files) {
      const root = parseJsonc(readFileSync(`${corpus}${path}`, 'utf8').replace(/^\uFEFF/u, ''), [], {
        allowTrailingComma: true,
      }) as JsonValue;
      if (!isObject(root) || !('resources' in root)) continue;
      const evaluator = rootEvaluator(root);
      const locals = new Map<string, Evaluated>([['copyIndex', { kind: 'known', value: 0 }]]);
      for (const text of strings([root.resources ?? null, root.outputs ?? null], true)) {
        if (!parseArmExpression(text, (index) => index).expr) continue;
        const result = evaluateIn(evaluator, text, locals);
        const key = result.kind === 'unknown' ? `unknown:${result.reason}` : result.kind;
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
      }
    }
    expect(kinds.get('known')).toBeGreaterThan(1000);
  });
});
