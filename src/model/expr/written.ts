// Objects and arrays as written in the template, evaluated member by member. Copy loop arrays
// (ARM property and variable `copy`) repeat their input with `copyIndex('<name>')` bound.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-properties
import { type Evaluated, known, type Origin, unknown } from '../evaluated.js';
import type { ArrayNode, JsonValue, ObjectNode, ValueNode } from '../value.js';
import type { Evaluation, Frame } from './evaluate.js';
import { findKey, isObject, type JsonObject, setKey } from './json.js';
import { unknownBecause } from './three-valued.js';

/**
 * Where each member of an object or array built from written values came from, keyed by the
 * built value itself: member access can then point at the member's own literal, even when the
 * object travelled through variables and parameters first.
 */
const memberOrigins = new WeakMap<object, ReadonlyMap<string | number, Origin>>();

export function memberOrigin(container: JsonValue, key: JsonValue, containerOrigin: Origin): Origin | undefined {
  if (typeof container !== 'object' || container === null) return undefined;
  const origins = memberOrigins.get(container);
  if (origins === undefined) return undefined;
  const memberKey = isObject(container) && typeof key === 'string' ? findKey(container, key) : key;
  const origin = typeof memberKey === 'string' || typeof memberKey === 'number' ? origins.get(memberKey) : undefined;
  if (origin === undefined) return undefined;
  // A written member inherits how its container was reached (the variable, the parameter default).
  return origin.via === 'literal' ? { ...containerOrigin, node: origin.node } : origin;
}

function knownArray(node: ArrayNode, items: readonly Evaluated[]): Evaluated {
  const values: JsonValue[] = [];
  const origins = new Map<string | number, Origin>();
  for (const [index, item] of items.entries()) {
    if (item.kind !== 'known') return unknownBecause(items, 'parameter');
    values.push(item.value);
    if (item.origin) origins.set(index, item.origin);
  }
  memberOrigins.set(values, origins);
  return known(values, { node, via: 'literal' });
}

/** `count` copies of the loop's input, the i-th evaluated with `copyIndex('<loopName>')` = i. */
function copyLoop(ev: Evaluation, node: ArrayNode, count: ValueNode, frame: Frame, loopName: string | undefined): Evaluated {
  const [input] = node.items;
  const evaluatedCount = ev.node(count, frame);
  if (evaluatedCount.kind !== 'known') return unknownBecause([evaluatedCount], 'parameter');
  const n = evaluatedCount.value;
  if (input === undefined || typeof n !== 'number' || !Number.isInteger(n) || n < 0) return unknown('error');
  ev.ctx.checkArrayLength(n);
  const items: Evaluated[] = [];
  for (let i = 0; i < n; i++) {
    const locals = new Map(frame.locals);
    if (loopName !== undefined) locals.set(`copyIndex:${loopName}`, known(i));
    items.push(ev.node(input, { ...frame, locals }));
  }
  return knownArray(node, items);
}

export function writtenArray(ev: Evaluation, node: ArrayNode, frame: Frame, loopName: string | undefined): Evaluated {
  if (node.copyCount !== undefined) return copyLoop(ev, node, node.copyCount, frame, loopName);
  return knownArray(
    node,
    node.items.map((item) => ev.node(item, frame)),
  );
}

const isCopyLoop = (value: ValueNode): boolean => value.kind === 'array' && value.copyCount !== undefined;

export function writtenObject(ev: Evaluation, node: ObjectNode, frame: Frame): Evaluated {
  // Once the front-end has turned `copy` into the arrays it declares, `copy` itself is no value.
  const hasLoops = node.properties.some((property) => isCopyLoop(property.value));
  const properties = hasLoops ? node.properties.filter((property) => property.key.toLowerCase() !== 'copy') : node.properties;
  const parts = properties.map((property) => [property.key, ev.node(property.value, frame, property.key)] as const);
  const object: JsonObject = {};
  const origins = new Map<string | number, Origin>();
  for (const [written, part] of parts) {
    if (part.kind !== 'known') return unknownBecause(parts.map(([, value]) => value), 'parameter');
    // Duplicate keys: the last one wins, as in ARM.
    const key = findKey(object, written) ?? written;
    setKey(object, key, part.value);
    if (part.origin) origins.set(key, part.origin);
    else origins.delete(key);
  }
  memberOrigins.set(object, origins);
  return known(object, { node, via: 'literal' });
}
