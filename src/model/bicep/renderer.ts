// Fix intents rendered as edits of the Bicep text. Intents apply one after another to a working
// copy (each finds its nodes again by locator in the edited text), and the result must parse.
import { suppressionComment } from '../arm/suppression.js';
import type { FixIntent, TextEdit } from '../fix.js';
import type { SourceFile, TextRange } from '../source.js';
import type { Comment, FixRenderer, ResourceModel } from '../template.js';
import type { JsonValue, ValueNode } from '../value.js';
import { declarationName, deployableShape, objectProperties } from './declarations.js';
import { addMembers, detectLayout, lineEnd, lineIndent, objectMembers, removeMember } from './edits.js';
import { containsComment, tokenize } from './lexer.js';
import { locate, findDeclaration, type Located } from './locate.js';
import { bicepPath, type Step } from './locator.js';
import type { ParsedBicep } from './parse.js';
import { reparseRegion } from './region.js';
import { bicepKey, bicepString, renderValue, type Layout } from './print.js';
import { isLoopArray } from './values.js';
import type { SyntaxNode } from './syntax.js';
import { changedSpan, WorkingText } from './working-text.js';

export interface BicepRendererInput {
  readonly file: SourceFile;
  readonly comments: readonly Comment[];
  /** The parse of the file's text. */
  readonly parsed: ParsedBicep;
}

export function createBicepRenderer(input: BicepRendererInput): FixRenderer {
  const { file } = input;
  const layout = detectLayout(file.text, file.eol);
  let multilineStrings: TextRange[] | undefined;
  return {
    render(intents) {
      try {
        const editor = new Editor(file, input.parsed, layout);
        for (const intent of intents) {
          if (!editor.apply(intent)) return undefined;
        }
        return editor.finish();
      } catch {
        return undefined;
      }
    },
    suppressionComment(offset, ruleIds) {
      multilineStrings ??= tokenize(file.text)
        .filter((token) => token.kind === 'string' && /[\r\n]/.test(token.text))
        .map((token) => ({ start: token.start, end: token.end }));
      return suppressionComment({ file, comments: input.comments, multilineStrings }, offset, ruleIds);
    },
  };
}

function isPlainObject(value: JsonValue): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nest(path: readonly string[], value: JsonValue): JsonValue {
  return path.reduceRight<JsonValue>((inner, key) => ({ [key]: inner }), value);
}

const VERSION_TEXT = /^[0-9A-Za-z.-]+$/;

class Editor {
  private readonly copy: WorkingText;
  private parsed: { readonly text: string; readonly result: ParsedBicep | undefined } | undefined;

  constructor(
    private readonly file: SourceFile,
    private readonly original: ParsedBicep,
    private readonly layout: Layout,
  ) {
    this.copy = new WorkingText(file.text);
  }

  /** The tree of the current text (the edited statements parsed again); undefined when it does not parse. */
  private tree(): ParsedBicep | undefined {
    const { text } = this.copy;
    if (this.parsed?.text !== text) {
      const span = changedSpan(this.copy);
      this.parsed = { text, result: span === undefined ? this.original : reparseRegion(this.original, text, span) };
    }
    return this.parsed.result;
  }

  private find(path: readonly Step[]): Located | undefined {
    const parsed = this.tree();
    return parsed && locate(this.copy.text, parsed.tree.root, parsed.notes, path);
  }

  private pathOf(node: ValueNode): readonly Step[] | undefined {
    if (node.file.path !== this.file.path || isLoopArray(node)) return undefined;
    return bicepPath(node);
  }

  apply(intent: FixIntent): boolean {
    switch (intent.kind) {
      case 'replace': {
        const path = this.pathOf(intent.node);
        return path !== undefined && this.replaceAt(path, intent.value);
      }
      case 'set': {
        const path = this.pathOf(intent.object);
        if (path === undefined) return false;
        if (isBodyStep(path.at(-1)) && isConditionOnly(intent.path)) return this.setCondition(path, intent.value);
        return this.setAt(path, intent.path, intent.value);
      }
      case 'remove': {
        const path = this.pathOf(intent.object);
        const object = path && this.find(path)?.node;
        if (object?.type !== 'object') return false;
        const property = this.property(object, intent.key);
        if (property === undefined) return true;
        removeMember(this.copy, property.node, object);
        return true;
      }
      case 'append': {
        const path = this.pathOf(intent.array);
        const array = path && this.find(path)?.node;
        if (array?.type !== 'array') return false;
        const items = array.children.filter((child) => child.named && child.type !== 'decorators');
        const render = (indent: string): string[] | undefined => {
          const rendered = renderValue(intent.value, indent, this.layout);
          return rendered === undefined ? undefined : [rendered];
        };
        return addMembers(this.copy, array, items, render, this.layout, this.hasComment(array));
      }
      case 'add-child-resource':
        return this.addChildResource(intent);
    }
  }

  finish(): readonly TextEdit[] | undefined {
    if (this.copy.text === this.file.text) return [];
    return this.tree() === undefined ? undefined : this.copy.edits();
  }

  /** Whether a comment lies inside the node (read from the text: edited trees keep no comments). */
  private hasComment(node: SyntaxNode): boolean {
    return containsComment(this.copy.text.slice(node.start + 1, node.end - 1));
  }

  private property(object: SyntaxNode, key: string): ReturnType<typeof objectProperties>['properties'][number] | undefined {
    const parsed = this.tree();
    if (parsed === undefined) return undefined;
    const wanted = key.toLowerCase();
    return objectProperties(this.copy.text, object, parsed.notes).properties.findLast((property) => property.key.toLowerCase() === wanted);
  }

  private replaceAt(path: readonly Step[], value: JsonValue): boolean {
    const target = this.find(path)?.node;
    if (target === undefined) return false;
    const { text } = this.copy;
    const last = path.at(-1);
    if (typeof last === 'object' && 'special' in last && last.special === 'version') {
      // The version is the part of the type string after `@`.
      const at = text.slice(target.start, target.end).lastIndexOf('@');
      if (at < 0 || typeof value !== 'string' || !VERSION_TEXT.test(value)) return false;
      this.copy.apply(target.start + at + 1, target.end - 1 - (target.start + at + 1), value);
      return true;
    }
    const rendered = renderValue(value, lineIndent(text, target.start), this.layout);
    if (rendered === undefined) return false;
    this.copy.apply(target.start, target.end - target.start, rendered);
    return true;
  }

  /** Sets `keys` below the object at `path`, creating what is missing and merging objects key by key. */
  private setAt(path: readonly Step[], keys: readonly string[], value: JsonValue): boolean {
    const object = this.find(path)?.node;
    if (object?.type !== 'object') return false;
    const [key, ...rest] = keys;
    if (key === undefined) return isPlainObject(value) && this.mergeInto(path, value);
    const existing = this.property(object, key);
    if (existing === undefined) return this.insert(object, [[key, nest(rest, value)]]);
    const spelled = [...path, existing.key];
    if (rest.length === 0) {
      if (isPlainObject(value) && existing.value.type === 'object') return this.mergeInto(spelled, value);
      return this.replaceAt(spelled, value);
    }
    if (existing.value.type === 'object') return this.setAt(spelled, rest, value);
    return this.replaceAt(spelled, nest(rest, value));
  }

  private mergeInto(path: readonly Step[], value: Readonly<Record<string, JsonValue>>): boolean {
    const entries = Object.entries(value);
    const initial = this.find(path)?.node;
    if (initial?.type !== 'object') return false;
    const missing = entries.filter(([key]) => this.property(initial, key) === undefined);
    for (const [key, inner] of entries) {
      if (missing.some(([name]) => name === key)) continue;
      if (!this.setAt(path, [key], inner)) return false;
    }
    if (missing.length === 0) return true;
    const object = this.find(path)?.node;
    return object?.type === 'object' && this.insert(object, missing);
  }

  private insert(object: SyntaxNode, entries: readonly (readonly [string, JsonValue])[]): boolean {
    const members = object.children.filter((child) => child.type === 'object_property');
    return addMembers(this.copy, object, members, objectMembers(entries, bicepKey, this.layout), this.layout, this.hasComment(object));
  }

  /** A resource's condition is written `= if (…) {…}`, not as a property. */
  private setCondition(bodyPath: readonly Step[], value: JsonValue): boolean {
    const located = this.find(bodyPath);
    if (located?.node.type !== 'object' || deployableShape(this.copy.text, located.declaration).condition !== undefined) return false;
    const rendered = renderValue(value, '', this.layout);
    if (rendered === undefined || /[\r\n]/.test(rendered)) return false;
    this.copy.apply(located.node.start, 0, `if (${rendered}) `);
    return true;
  }

  /**
   * `resource <parent><Name> '<type>@<version>' = { parent: <parent> name: '<name>' … }` after the
   * top-level declaration that holds the parent.
   */
  private addChildResource(intent: Extract<FixIntent, { kind: 'add-child-resource' }>): boolean {
    const { parent } = intent;
    const path = this.pathOf(parent.node);
    const root = path?.[0];
    if (path === undefined || root === undefined || typeof root !== 'object' || !('declaration' in root) || parent.loop !== undefined) return false;
    const reference = parentReference(parent, path);
    const parsed = this.tree();
    const declaration = parsed && findDeclaration(this.copy.text, parsed.tree.root, root);
    if (reference === undefined || parsed === undefined || declaration === undefined) return false;
    const type = intent.childType.includes('/') ? intent.childType : `${parent.type}/${intent.childType}`;
    if (!VERSION_TEXT.test(intent.apiVersion)) return false;
    const { properties, ...rest } = intent.body;
    const entries: [string, JsonValue][] = [['name', intent.name], ...Object.entries(rest)];
    if (properties !== undefined) entries.push(['properties', properties]);
    const lines = objectMembers(entries, bicepKey, this.layout)(this.layout.unit);
    if (lines === undefined) return false;
    const symbol = freeSymbol(this.copy.text, parsed.tree.root, `${parent.symbolicName ?? 'resource'}${pascal(intent.name)}`);
    const { eol, unit } = this.layout;
    const body = [`parent: ${reference}`, ...lines].map((line) => `${unit}${line}${eol}`).join('');
    const text = `${eol}${eol}resource ${symbol} ${bicepString(`${type}@${intent.apiVersion}`)} = {${eol}${body}}`;
    this.copy.apply(lineEnd(this.copy.text, declaration.end), 0, text);
    return true;
  }
}

function isBodyStep(step: Step | undefined): boolean {
  return typeof step === 'object' && 'special' in step && step.special === 'body';
}

function isConditionOnly(path: readonly string[]): boolean {
  return path.length === 1 && path[0]?.toLowerCase() === 'condition';
}

/** `vmss`, or `vnet::subnet` for a resource nested in another one's body. */
function parentReference(parent: ResourceModel, path: readonly Step[]): string | undefined {
  const names: string[] = [];
  for (const step of path) {
    if (typeof step !== 'object') continue;
    if ('declaration' in step) names.push(step.name);
    else if (step.special === 'nested') names.push(step.name);
  }
  return names.length > 0 && names.at(-1) === parent.symbolicName ? names.join('::') : undefined;
}

function pascal(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '');
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}

/** A symbol name no declaration of the file uses yet. */
function freeSymbol(text: string, root: SyntaxNode, wanted: string): string {
  const taken = new Set(root.children.filter((child) => child.named).map((child) => declarationName(text, child)));
  for (const match of text.matchAll(/\bresource\s+([A-Za-z_][A-Za-z0-9_]*)/g)) if (match[1] !== undefined) taken.add(match[1]);
  let symbol = wanted;
  for (let n = 2; taken.has(symbol); n++) symbol = `${wanted}${String(n)}`;
  return symbol;
}
