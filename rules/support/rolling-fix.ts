import { apiVersionInfo, minimumApiVersion } from '../../src/azure/index.js';
import type { FixSpec, PropertyView, ResourceView } from '../../src/engine/rule.js';
import type { FixIntent } from '../../src/model/fix.js';
import { getProperty, type ArrayNode, type JsonValue, type ObjectNode, type ValueNode } from '../../src/model/value.js';
import { isMode, MAX_SURGE, maxSurgeOn, upgradeMode, UPGRADE_MODE } from './upgrade-policy.js';

interface Place {
  readonly object: ObjectNode;
  readonly rest: readonly string[];
}

/**
 * Where a missing property on `path` can be set: below the deepest written object on the path, or
 * inside the object (a variable, a parameter default) that an expression on the path resolves to.
 * Never through an expression that does not resolve to an object: that would overwrite it.
 */
function placeFor(resource: ResourceView, path: string): Place | undefined {
  const at = resource.deepestObject(path);
  if (at) return at;
  const segments = path.split('.');
  for (let i = segments.length - 1; i > 0; i--) {
    const view = resource.get(segments.slice(0, i).join('.'));
    const origin = view?.value.kind === 'known' ? view.value.origin?.node : undefined;
    const target = view?.node.kind === 'object' ? view.node : origin?.kind === 'object' ? origin : undefined;
    const rest = segments.slice(i);
    if (target && rest[0] !== undefined && !getProperty(target, rest[0])) return { object: target, rest };
  }
  return undefined;
}

/** The parameter's written allowedValues (ARM), when it has them. */
function allowedValues(resource: ResourceView, parameter: string): ArrayNode | undefined {
  const parameters = getProperty(resource.model.deployment.node, 'parameters')?.value;
  const declaration = parameters?.kind === 'object' ? getProperty(parameters, parameter)?.value : undefined;
  const allowed = declaration?.kind === 'object' ? getProperty(declaration, 'allowedValues')?.value : undefined;
  return allowed?.kind === 'array' ? allowed : undefined;
}

const sameValue = (node: ValueNode, value: string | boolean) =>
  node.kind === 'literal' && String(node.value).toLowerCase() === String(value).toLowerCase();

/**
 * Replaces a written value where it is decided: at the parameter default or variable it comes from
 * (when in this file; the value joins the parameter's allowedValues if they lack it, so expressions
 * that test the parameter keep working), else on the resource itself.
 */
function replaceWhereDecided(resource: ResourceView, view: PropertyView, value: string | boolean): FixIntent[] {
  const origin = view.value.kind === 'known' ? view.value.origin : undefined;
  if (origin === undefined || origin.node === view.node || origin.node.file.path !== resource.node.file.path) {
    return [{ kind: 'replace', node: view.node, value }];
  }
  const allowed = origin.parameter === undefined ? undefined : allowedValues(resource, origin.parameter);
  const replace: FixIntent = { kind: 'replace', node: origin.node, value };
  if (!allowed || allowed.items.some((item) => sameValue(item, value))) return [replace];
  return [replace, { kind: 'append', array: allowed, value }];
}

function setMissing(resource: ResourceView, path: string, value: JsonValue): FixIntent[] {
  const place = placeFor(resource, path);
  return place ? [{ kind: 'set', object: place.object, path: place.rest, value }] : [];
}

/** Sets `upgradePolicy.mode` to Rolling; nothing when it is Rolling or cannot be evaluated. */
function rollingModeIntents(resource: ResourceView): FixIntent[] {
  const mode = upgradeMode(resource);
  if (!mode.view) return mode.values ? setMissing(resource, UPGRADE_MODE, 'Rolling') : [];
  if (mode.values === undefined || mode.values.every((value) => isMode(value, 'Rolling'))) return [];
  return replaceWhereDecided(resource, mode.view, 'Rolling');
}

/** Sets `rollingUpgradePolicy.maxSurge` to true; nothing when it is already true or cannot be placed. */
function maxSurgeIntents(resource: ResourceView): FixIntent[] {
  if (maxSurgeOn(resource) !== false) return [];
  const view = resource.get(MAX_SURGE);
  return view ? replaceWhereDecided(resource, view, true) : setMissing(resource, MAX_SURGE, true);
}

/** The first apiVersion with maxSurge (2022-11-01), when the written one predates it. */
function maxSurgeApiVersion(resource: ResourceView): string | undefined {
  const { apiVersion } = resource;
  if (apiVersion.kind !== 'known' || typeof apiVersion.value !== 'string') return undefined;
  if (apiVersionInfo(resource.type, apiVersion.value)?.hasMaxSurge !== false) return undefined;
  return minimumApiVersion(resource.type, { maxSurge: true });
}

/**
 * Switches a scale set to Rolling upgrades with maxSurge, and its apiVersion to one that has
 * maxSurge; undefined when there is nothing it can change.
 * https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-maxsurge
 */
export function rollingUpgradeFix(resource: ResourceView): FixSpec | undefined {
  const written = resource.model.apiVersion;
  const version = written && maxSurgeApiVersion(resource);
  const bump: FixIntent[] = written && version ? [{ kind: 'replace', node: written, value: version }] : [];
  const intents = [...rollingModeIntents(resource), ...maxSurgeIntents(resource), ...bump];
  if (intents.length === 0) return undefined;
  const title = `Set upgradePolicy to Rolling with maxSurge${version ? ` and apiVersion to ${version}` : ''}`;
  return { title, applicability: 'unsafe', intents };
}
