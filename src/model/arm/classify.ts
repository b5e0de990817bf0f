import { getProperty, type ValueNode } from '../value.js';

export type JsonKind = 'template' | 'parameters' | 'other';

// Deployment template schemas of every scope, from any host (schema.management.azure.com, or a
// sovereign-cloud mirror), over http or https:
// https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax#template-format
const templateSchema = /^https?:\/\/\S+\/(?:subscription|managementGroup|tenant)?deploymentTemplate\.json#?$/i;
const parametersSchema = /^https?:\/\/\S+\/(?:subscription|managementGroup|tenant)?deploymentParameters\.json#?$/i;

/** Whether a `$schema` value (trimmed) is a deployment template's. */
export function isTemplateSchema(value: string): boolean {
  return templateSchema.test(value);
}

/**
 * What a parsed JSON document is. `$schema` decides. Without `$schema`, an object with both a
 * string `contentVersion` and `resources` is still a template: ARM deploys it (the schema is only
 * an editor hint), and no other common JSON format uses that pair of keys. No file in the corpus
 * relies on this (every template there has `$schema`), so it only widens what is linted.
 * Takes the tree as built, before it is read as a template: every string is still a literal.
 */
export function classifyJson(root: ValueNode | undefined): JsonKind {
  if (root?.kind !== 'object') return 'other';
  const schema = getProperty(root, '$schema')?.value;
  if (schema !== undefined) {
    if (schema.kind !== 'literal' || typeof schema.value !== 'string') return 'other';
    const value = schema.value.trim();
    if (isTemplateSchema(value)) return 'template';
    if (parametersSchema.test(value)) return 'parameters';
    return 'other';
  }
  const resources = getProperty(root, 'resources')?.value;
  const contentVersion = getProperty(root, 'contentVersion')?.value;
  const hasTemplateShape =
    contentVersion?.kind === 'literal' &&
    typeof contentVersion.value === 'string' &&
    (resources?.kind === 'array' || resources?.kind === 'object');
  return hasTemplateShape ? 'template' : 'other';
}

/**
 * Whether the text cannot be a template whatever follows: its first value does not start with
 * `{` (a JSON array, string or number). Decided from the first characters, before a parse: a
 * fifth of the corpus's JSON bytes are such files (Bicep completion baselines, JSON arrays), and
 * a full parse of them was wasted. Undefined when the text holds no value at all.
 */
export function cannotBeTemplate(text: string): boolean | undefined {
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xfeff) {
      i++;
    } else if (text.startsWith('//', i)) {
      i += 2;
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return undefined;
      i = close + 2;
    } else {
      return code !== 0x7b;
    }
  }
  return undefined;
}
