import type { PropertyView, RelatedLocation } from '../../src/engine/rule.js';

/** A related location at the parameter default or variable that decides a property, when it is not the property itself. */
export function decidedAt(view: PropertyView, what: string): RelatedLocation[] {
  const origin = view.value.kind === 'unknown' ? undefined : view.value.origin;
  if (!origin || origin.node === view.node) return [];
  const where = origin.parameter ? `the parameter '${origin.parameter}'` : origin.variable ? `the variable '${origin.variable}'` : 'here';
  return [{ file: origin.node.file, range: origin.node.range, message: `${what} comes from ${where}` }];
}
