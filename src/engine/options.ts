import type { OptionsSchema } from './rule.js';

/**
 * Checks a rule's options against its schema. The schemas are ours and use a small subset of
 * JSON schema (type, enum, pattern, additionalProperties: false), so a few lines suffice.
 * Returns the problems, empty when valid.
 */
export function validateOptions(schema: OptionsSchema, options: unknown): string[] {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return ['options must be an object'];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    const property = Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
    if (!property) {
      problems.push(`unknown option '${key}'`);
      continue;
    }
    problems.push(...checkValue(key, property, value));
  }
  return problems;
}

function checkValue(key: string, schema: Readonly<Record<string, unknown>>, value: unknown): string[] {
  const alternatives = schema.anyOf;
  if (Array.isArray(alternatives)) {
    const fits = alternatives.some((alt) => checkValue(key, alt as Record<string, unknown>, value).length === 0);
    return fits ? [] : [`option '${key}' has an invalid value ${JSON.stringify(value)}`];
  }
  const { type, enum: allowed, pattern } = schema;
  if (Array.isArray(allowed) && !allowed.includes(value)) {
    return [`option '${key}' must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`];
  }
  if (typeof type === 'string' && !hasType(value, type)) return [`option '${key}' must be a ${type}`];
  if (typeof pattern === 'string' && typeof value === 'string' && !new RegExp(pattern, 'u').test(value)) {
    return [`option '${key}' must match ${pattern}`];
  }
  return [];
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  return typeof value === type;
}
