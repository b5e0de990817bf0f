import type { TextRange } from './source.js';
import type { JsonValue, ObjectNode, ArrayNode, ValueNode } from './value.js';
import type { ResourceModel } from './template.js';

export interface TextEdit {
  readonly range: TextRange;
  readonly text: string;
}

export type Applicability = 'safe' | 'unsafe' | 'display-only';

/**
 * What a rule wants changed, independent of syntax. Values are JSON; a string that is an ARM
 * expression (`"[null()]"`) is rendered by the Bicep front-end as the Bicep expression.
 */
export type FixIntent =
  /** Replace a written value. */
  | { readonly kind: 'replace'; readonly node: ValueNode; readonly value: JsonValue }
  /**
   * Set `path` below `object`, creating the missing objects on the way; existing keys are matched
   * case-insensitively and keep their spelling. Objects given as the value are merged into an
   * existing object, not replacing it.
   */
  | { readonly kind: 'set'; readonly object: ObjectNode; readonly path: readonly string[]; readonly value: JsonValue }
  /** Remove a property from an object. */
  | { readonly kind: 'remove'; readonly object: ObjectNode; readonly key: string }
  | { readonly kind: 'append'; readonly array: ArrayNode; readonly value: JsonValue }
  /** Add a child resource of `parent` (ARM: nested `resources`, or top-level; Bicep: `parent:`). */
  | { readonly kind: 'add-child-resource'; readonly parent: ResourceModel; readonly childType: string; readonly name: string; readonly apiVersion: string; readonly body: Readonly<Record<string, JsonValue>> };

export interface Fix {
  /** Imperative: "Set securityType to TrustedLaunch". */
  readonly title: string;
  readonly applicability: Applicability;
  readonly edits: readonly TextEdit[];
}
