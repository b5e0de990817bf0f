import type { ValueNode } from '../value.js';

/** A top-level declaration: where every path starts. */
export interface DeclarationStep {
  readonly declaration: 'param' | 'var' | 'resource' | 'module' | 'output' | 'func';
  readonly name: string;
}

/**
 * Steps that are not property keys or array indices: through a resource's `if`/`for` to its
 * body object, into a nested resource, a parameter's default or `@allowed` list, a loop's body,
 * the version part of a resource's type string.
 */
export type SpecialStep =
  | { readonly special: 'body' | 'default' | 'allowed' | 'condition' | 'loop-body' | 'version' | 'value' }
  | { readonly special: 'nested'; readonly name: string };

export type Step = string | number | DeclarationStep | SpecialStep;

/**
 * The `locator` of every Bicep node: how to find it again from its declaration, kept as a link to
 * the parent's locator. Offsets move when a fix edits the text; declarations, keys and indices do
 * not, so the renderer finds each node again in the edited text.
 */
export class BicepLocator {
  private constructor(
    private readonly parent: BicepLocator | undefined,
    readonly step: Step,
  ) {}

  static declaration(declaration: DeclarationStep['declaration'], name: string): BicepLocator {
    return new BicepLocator(undefined, { declaration, name });
  }

  child(step: Step): BicepLocator {
    return new BicepLocator(this, step);
  }

  get path(): readonly Step[] {
    const steps: Step[] = [this.step];
    for (let at = this.parent; at !== undefined; at = at.parent) steps.push(at.step);
    return steps.reverse();
  }
}

/** The path of a node made by the Bicep front-end; undefined for synthetic nodes and other front-ends' nodes. */
export function bicepPath(node: ValueNode): readonly Step[] | undefined {
  return node.locator instanceof BicepLocator ? node.locator.path : undefined;
}

export const BODY: SpecialStep = { special: 'body' };
export const DEFAULT: SpecialStep = { special: 'default' };
export const ALLOWED: SpecialStep = { special: 'allowed' };
export const CONDITION: SpecialStep = { special: 'condition' };
export const LOOP_BODY: SpecialStep = { special: 'loop-body' };
export const VERSION: SpecialStep = { special: 'version' };
/** A variable's or output's value, a function's body. */
export const VALUE: SpecialStep = { special: 'value' };
