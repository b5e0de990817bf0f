import type { ResourceView } from '../../src/engine/rule.js';
import { printExpression } from '../../src/model/expr/index.js';
import type { FixIntent } from '../../src/model/fix.js';
import { getProperty, type ValueNode } from '../../src/model/value.js';
import type { ExtensionView } from './extensions.js';
import { UEFI_FLAGS, flagPath, isOn } from './uefi.js';

/** The flag's value as written on the resource itself, through written objects only. */
function writtenOnResource(resource: ResourceView, path: string): ValueNode | undefined {
  let node: ValueNode | undefined = resource.node;
  for (const segment of path.split('.')) {
    node = node.kind === 'object' ? getProperty(node, segment)?.value : undefined;
    if (!node) return undefined;
  }
  return node;
}

/**
 * A `condition` for an extension resource that holds exactly when both UEFI flags are on: the
 * flags' own expressions (joined with the existing condition), as the Learn sample writes
 * `[and(parameters('vTPM'), parameters('secureBoot'))]`. Undefined when a flag is not an
 * expression written on the resource (a literal false cannot be guarded, only turned on).
 */
export function guardCondition(resource: ResourceView, extension: ExtensionView): FixIntent | undefined {
  const target = extension.resource;
  if (target?.model.deployment !== resource.model.deployment) return undefined;
  const conjuncts: string[] = [];
  for (const flag of UEFI_FLAGS) {
    const node = writtenOnResource(resource, flagPath(resource, flag));
    if (node?.kind === 'literal' && isOn(node.value)) continue;
    if (node?.kind !== 'expression' || !node.expr) return undefined;
    conjuncts.push(printExpression(node.expr));
  }
  if (conjuncts.length === 0) return undefined;
  const existing = target.model.condition;
  if (existing?.kind === 'expression' && existing.expr) conjuncts.unshift(printExpression(existing.expr));
  else if (existing && !(existing.kind === 'literal' && existing.value === true)) return undefined;
  const value = `[${conjuncts.length === 1 ? (conjuncts[0] ?? '') : `and(${conjuncts.join(', ')})`}]`;
  return existing ? { kind: 'replace', node: existing, value } : { kind: 'set', object: target.node, path: ['condition'], value };
}
