import { known, unknown, type Evaluated } from '../model/evaluated.js';
import type { ResourceModel, TemplateModel } from '../model/template.js';
import { getProperty, type JsonValue, type ObjectNode, type ValueNode } from '../model/value.js';
import { isTiedTo } from './related.js';
import type { PropertyView, ResourceView, TemplateView } from './rule.js';

const TRUE = known(true);

function lookupJson(value: JsonValue, segments: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    } else if (current !== null && typeof current === 'object') {
      const wanted = segment.toLowerCase();
      const key: string | undefined = Object.keys(current).findLast((k) => k.toLowerCase() === wanted);
      current = key === undefined ? undefined : current[key];
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

// Rules ask the same few paths of every resource of every file: split once.
const splitPaths = new Map<string, readonly string[]>();
const MAX_SPLIT_PATHS = 1000;

function segmentsOf(path: string): readonly string[] {
  let segments = splitPaths.get(path);
  if (segments === undefined) {
    if (splitPaths.size >= MAX_SPLIT_PATHS) splitPaths.clear();
    segments = path.split('.');
    splitPaths.set(path, segments);
  }
  return segments;
}

/** One step down from a written node; expressions are looked through via their origin. */
function child(node: ValueNode, segment: string): ValueNode | undefined {
  if (node.kind === 'object') return getProperty(node, segment)?.value;
  if (node.kind === 'array' && /^\d+$/.test(segment)) return node.items[Number(segment)];
  return undefined;
}

class ResourceViewImpl implements ResourceView {
  readonly type: string;
  // Evaluated on first use: most rules ask only scale sets and VMs, a fraction of the resources.
  private evaluatedApiVersion: Evaluated | undefined;
  private evaluatedName: Evaluated | undefined;
  private evaluatedCondition: Evaluated | undefined;
  parent: ResourceView | undefined;
  children: ResourceView[] = [];

  /** The type lower-cased, as types are compared (once per resource, not once per rule asking). */
  readonly typeKey: string;

  constructor(
    readonly model: ResourceModel,
    readonly template: TemplateViewImpl,
    /** Its place among the template's resources (document order). */
    readonly position: number,
  ) {
    this.type = model.type;
    this.typeKey = model.type.toLowerCase();
  }

  get apiVersion(): Evaluated {
    this.evaluatedApiVersion ??= this.model.apiVersion ? this.eval(this.model.apiVersion) : unknown('error');
    return this.evaluatedApiVersion;
  }
  get name(): Evaluated {
    this.evaluatedName ??= this.model.name ? this.eval(this.model.name) : unknown('error');
    return this.evaluatedName;
  }
  get condition(): Evaluated {
    this.evaluatedCondition ??= this.model.condition ? this.eval(this.model.condition) : TRUE;
    return this.evaluatedCondition;
  }

  get typeRange() {
    return this.model.typeRange;
  }
  get symbolicName() {
    return this.model.symbolicName;
  }
  get existing() {
    return this.model.existing;
  }
  get node() {
    return this.model.node;
  }

  eval(node: ValueNode): Evaluated {
    return this.model.deployment.evaluator.node(node);
  }

  get(path: string): PropertyView | undefined {
    const segments = segmentsOf(path);
    let node: ValueNode = this.model.node;
    let holder: ObjectNode | undefined;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] ?? '';
      if (node.kind === 'expression') {
        const value = this.eval(node);
        const originNode = value.kind === 'known' ? value.origin?.node : undefined;
        if (originNode && originNode !== node && originNode.kind !== 'expression') {
          node = originNode;
          i--;
          continue;
        }
        if (value.kind !== 'known') return { node, value, holder: undefined };
        const found = lookupJson(value.value, segments.slice(i));
        return found === undefined ? undefined : { node, value: known(found), holder: undefined };
      }
      const next = child(node, segment);
      if (!next) return undefined;
      holder = node.kind === 'object' ? node : undefined;
      node = next;
    }
    return { node, value: this.eval(node), holder };
  }

  deepestObject(path: string): { object: ObjectNode; rest: readonly string[] } | undefined {
    const segments = segmentsOf(path);
    let object: ObjectNode = this.model.node;
    let index = 0;
    for (; index < segments.length; index++) {
      const next = getProperty(object, segments[index] ?? '')?.value;
      if (next?.kind !== 'object') break;
      object = next;
    }
    // A written non-object on the way (not the last segment) cannot be descended into.
    if (index < segments.length - 1 && getProperty(object, segments[index] ?? '')) return undefined;
    return { object, rest: segments.slice(index) };
  }

  related(type: string): readonly ResourceView[] {
    return this.template.withType(type).filter((other) => other !== this && isTiedTo(other, this));
  }
}

class TemplateViewImpl implements TemplateView {
  readonly resources: ResourceViewImpl[];
  private readonly typed = new Map<string, Map<string, readonly ResourceView[]>>();
  private byType: Map<string, ResourceViewImpl[]> | undefined;

  constructor(readonly model: TemplateModel) {
    const views = new Map<ResourceModel, ResourceViewImpl>();
    this.resources = model.resources.map((resource, position) => {
      const view = new ResourceViewImpl(resource, this, position);
      views.set(resource, view);
      return view;
    });
    for (const view of this.resources) {
      const parent = view.model.parent && views.get(view.model.parent);
      view.parent = parent;
      parent?.children.push(view);
    }
  }

  get file() {
    return this.model.file;
  }
  get expressionProblems() {
    return this.model.expressionProblems;
  }

  /** Every resource of the type, `existing` ones included, indexed on first use. */
  withType(type: string): readonly ResourceViewImpl[] {
    if (this.byType === undefined) {
      this.byType = new Map();
      for (const resource of this.resources) {
        const list = this.byType.get(resource.typeKey);
        if (list === undefined) this.byType.set(resource.typeKey, [resource]);
        else list.push(resource);
      }
    }
    return this.byType.get(type.toLowerCase()) ?? [];
  }

  /**
   * Rules ask this once per resource: remembered, so a template of tens of thousands of resources
   * is not scanned once per resource.
   */
  ofType(...types: string[]): readonly ResourceView[] {
    // Keyed by the types as asked, without building a key string: rules ask the same few sets
    // (mostly one or two constant types) of every template, many times each.
    const first = types[0] ?? '';
    const rest = types.length <= 2 ? (types[1] ?? '') : types.slice(1).join('\n');
    let byRest = this.typed.get(first);
    if (byRest === undefined) {
      byRest = new Map();
      this.typed.set(first, byRest);
    }
    let found = byRest.get(rest);
    if (found === undefined) {
      const wanted = [...new Set(types.map((t) => t.toLowerCase()))];
      // From the index by type, not a scan of every resource per set of types asked.
      const lists = wanted.map((type) => this.withType(type));
      const all = lists.length === 1 ? (lists[0] ?? []) : lists.flat().sort((a, b) => a.position - b.position);
      found = all.filter((r) => !r.existing);
      byRest.set(rest, found);
    }
    return found;
  }
}

export function createTemplateView(model: TemplateModel): TemplateView {
  return new TemplateViewImpl(model);
}
