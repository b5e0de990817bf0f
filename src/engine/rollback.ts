// `tl-lint rollback`: the documented way back from Trusted Launch, as fix intents so that every
// front-end renders it in its own syntax.
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss#roll-back
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vm#roll-back
import { guestAttestationsOf } from '../../rules/support/attestation.js';
import { computeResources, describe, profilePath } from '../../rules/support/compute.js';
import type { ExtensionView } from '../../rules/support/extensions.js';
import { possibleValues, type Evaluated } from '../model/evaluated.js';
import type { Applicability, FixIntent, TextEdit } from '../model/fix.js';
import type { SourceFile } from '../model/source.js';
import type { ParseResult, TemplateModel } from '../model/template.js';
import type { ArrayNode, JsonValue, ObjectNode, ValueNode } from '../model/value.js';
import { MAX_FIX_PASSES } from './apply-fixes.js';
import type { ResourceView } from './rule.js';
import { createTemplateView } from './view.js';

/** The rollback shape's `uefiSettings`: an ARM expression, which the Bicep renderer prints as `null`. */
export const NULL_EXPRESSION = '[null()]';

export interface RollbackChange {
  readonly description: string;
  /** `unsafe` when it edits a variable or parameter default that other resources may share. */
  readonly applicability: Exclude<Applicability, 'display-only'>;
  readonly intents: readonly FixIntent[];
}

export type MachineState =
  /** Trusted Launch (or possibly, when a parameter decides): the changes roll it back. */
  | 'trusted-launch'
  | 'standard'
  | 'confidential';

export interface MachinePlan {
  readonly resource: ResourceView;
  /** "scale set 'web'", "VM 'vm1'". */
  readonly label: string;
  readonly state: MachineState;
  readonly changes: readonly RollbackChange[];
  /** What the changes cannot do, so the machine needs hand editing. */
  readonly problems: readonly string[];
  /** What to do outside the template (an installed extension stays installed). */
  readonly notes: readonly string[];
}

/** What the rollback would change on each scale set and VM of the template, in source order. */
export function planRollback(model: TemplateModel): MachinePlan[] {
  return computeResources(createTemplateView(model)).map(planMachine);
}

function planMachine(resource: ResourceView): MachinePlan {
  const label = describe(resource);
  const base = `${profilePath(resource)}.securityProfile`;
  const securityType = resource.get(`${base}.securityType`);
  const uefi = resource.get(`${base}.uefiSettings`);
  const types = securityType && possibleValues(securityType.value);
  const isType = (wanted: string) => types?.every((v) => typeof v === 'string' && v.toLowerCase() === wanted) === true;
  if (isType('confidentialvm')) {
    return { resource, label, state: 'confidential', changes: [], problems: [], notes: ['A confidential VM is not rolled back to Standard: the rollback is for Trusted Launch.'] };
  }
  const uefiSet = uefi !== undefined && !(uefi.value.kind === 'known' && uefi.value.value === null);
  const needsShape = (securityType !== undefined && !isType('standard')) || uefiSet;
  const changes: RollbackChange[] = [];
  const problems: string[] = [];
  if (needsShape) {
    const shape = rollbackShape(resource, base);
    if ('problem' in shape) problems.push(shape.problem);
    else changes.push(shape);
  }
  const extensions = guestAttestationsOf(resource).filter(canDeploy);
  const notes: string[] = [];
  for (const extension of extensions.filter((e) => e.resource !== undefined)) {
    const disabled = disableExtensionResource(extension);
    if (disabled) changes.push(disabled);
    notes.push(leftInstalledNote(resource, extension));
  }
  const profileEntries = extensions.filter((e) => e.resource === undefined);
  if (profileEntries.length > 0) {
    const removed = removeFromExtensionProfile(resource, profileEntries);
    if ('problem' in removed) problems.push(removed.problem);
    else changes.push(removed);
  }
  const state: MachineState = changes.length > 0 || problems.length > 0 ? 'trusted-launch' : 'standard';
  return { resource, label, state, changes, problems, notes };
}

type Outcome = RollbackChange | { readonly problem: string };

/** securityType Standard and uefiSettings null, in the object that decides them; other keys (encryptionAtHost) stay. */
function rollbackShape(resource: ResourceView, base: string): Outcome {
  const description = 'Set securityType to Standard and uefiSettings to null';
  const profile = resource.get(base);
  const object = profile?.node.kind === 'object' ? profile.node : decidingObject(profile?.value);
  if (object && object.file !== resource.node.file) {
    return { problem: `securityProfile comes from ${object.file.path}: change it there.` };
  }
  if (object) {
    const intents: FixIntent[] = [
      { kind: 'set', object, path: ['securityType'], value: 'Standard' },
      { kind: 'set', object, path: ['uefiSettings'], value: NULL_EXPRESSION },
    ];
    if (isInside(object, resource)) return { description, applicability: 'safe', intents };
    return { description: `${description} in the ${declarationName(resource, object)} that decides them`, applicability: 'unsafe', intents };
  }
  if (profile?.node.kind === 'expression' && profile.value.kind === 'known' && isPlainObject(profile.value.value)) {
    // An expression that builds the profile is replaced by the rollback shape, keeping the keys it produced today.
    const kept = Object.entries(profile.value.value).filter(([key]) => !['securitytype', 'uefisettings'].includes(key.toLowerCase()));
    const value = { ...Object.fromEntries(kept), securityType: 'Standard', uefiSettings: NULL_EXPRESSION };
    return { description: `${description}, replacing the expression that builds securityProfile`, applicability: 'unsafe', intents: [{ kind: 'replace', node: profile.node, value }] };
  }
  const line = profile ? ` (${where(profile.node)})` : '';
  return { problem: `securityProfile is computed by an expression tl-lint cannot evaluate${line}: write securityType Standard and uefiSettings null by hand.` };
}

/** The written object an expression's value comes from (`variables('x')`, a parameter default), if any. */
function decidingObject(value: Evaluated | undefined): ObjectNode | undefined {
  const node = value?.kind === 'known' ? value.origin?.node : undefined;
  return node?.kind === 'object' ? node : undefined;
}

const canDeploy = (extension: ExtensionView) => !(extension.condition.kind === 'known' && extension.condition.value === false);

/**
 * An extension resource is guarded with `condition: false` rather than deleted: fix intents cannot
 * delete a resource, the declaration stays ready for the next attempt at Trusted Launch, and for an
 * incremental deployment the effect is the same (neither deletes an installed extension).
 */
function disableExtensionResource(extension: ExtensionView): RollbackChange | undefined {
  const target = extension.resource;
  if (!target) return undefined;
  const condition = target.model.condition;
  const intent: FixIntent = condition ? { kind: 'replace', node: condition, value: false } : { kind: 'set', object: target.node, path: ['condition'], value: false };
  const name = target.name.kind === 'known' && typeof target.name.value === 'string' ? ` '${target.name.value}'` : '';
  return { description: `Disable the GuestAttestation extension${name} (condition false)`, applicability: 'safe', intents: [intent] };
}

/** `extensionProfile` entries have no condition: the array is written again without them. */
function removeFromExtensionProfile(resource: ResourceView, entries: readonly ExtensionView[]): Outcome {
  const list = resource.get('properties.virtualMachineProfile.extensionProfile.extensions');
  const array = list?.node;
  if (array?.kind !== 'array' || array.copyCount !== undefined) {
    return { problem: 'The GuestAttestation entry of extensionProfile is in an array built by an expression or a copy loop: remove it by hand.' };
  }
  const removed = new Set<ValueNode>(entries.map((e) => e.node));
  const kept = keptItems(array, removed, resource.model.node.file, resource.template.model.language);
  if (kept === undefined) return { problem: `The other extensionProfile entries (${where(array)}) cannot be written again as they are: remove the GuestAttestation entry by hand.` };
  const description = 'Remove the GuestAttestation extension from extensionProfile';
  return { description, applicability: isInside(array, resource) ? 'safe' : 'unsafe', intents: [{ kind: 'replace', node: array, value: kept }] };
}

function keptItems(array: ArrayNode, removed: ReadonlySet<ValueNode>, file: SourceFile, language: TemplateModel['language']): JsonValue[] | undefined {
  const kept: JsonValue[] = [];
  for (const item of array.items) {
    if (removed.has(item)) continue;
    const value = asWritten(item, language);
    if (value === undefined || item.file !== file) return undefined;
    kept.push(value);
  }
  return kept;
}

/** A written value as JSON, expressions as their ARM source; undefined for what JSON cannot carry (Bicep expressions, copy loops). */
function asWritten(node: ValueNode, language: TemplateModel['language']): JsonValue | undefined {
  switch (node.kind) {
    case 'literal':
      // A literal string that starts with `[` is written `[[…]` in ARM, or it would read as an expression.
      return typeof node.value === 'string' && language === 'arm' && /^\[.*\]$/s.test(node.value) ? `[${node.value}` : node.value;
    case 'expression':
      return language === 'arm' ? node.source : undefined;
    case 'array': {
      if (node.copyCount !== undefined) return undefined;
      const items = node.items.map((item) => asWritten(item, language));
      return items.every((item) => item !== undefined) ? items : undefined;
    }
    case 'object': {
      const entries: [string, JsonValue][] = [];
      for (const property of node.properties) {
        const value = asWritten(property.value, language);
        if (value === undefined) return undefined;
        entries.push([property.key, value]);
      }
      return Object.fromEntries(entries);
    }
  }
}

function leftInstalledNote(resource: ResourceView, extension: ExtensionView): string {
  const kind = resource.type.toLowerCase().endsWith('virtualmachinescalesets') ? 'vmss' : 'vm';
  const owner = kind === 'vmss' ? '--vmss-name' : '--vm-name';
  const name = resource.name.kind === 'known' && typeof resource.name.value === 'string' ? resource.name.value : '<name>';
  const extensionName = extension.resource?.name.kind === 'known' && typeof extension.resource.name.value === 'string' ? (extension.resource.name.value.split('/').at(-1) ?? 'GuestAttestation') : 'GuestAttestation';
  return `An incremental deployment does not delete an extension it no longer deploys: if GuestAttestation is installed, remove it with \`az ${kind} extension delete --resource-group <resource-group> ${owner} ${name} --name ${extensionName}\`.`;
}

function isInside(node: ValueNode, resource: ResourceView): boolean {
  const outer = resource.node;
  return node.file === outer.file && node.range.start >= outer.range.start && node.range.end <= outer.range.end;
}

/** "variable 'x' (line 4)" / "parameter 'x' (line 9)" for a node outside the resource, from the template's sections. */
function declarationName(resource: ResourceView, node: ValueNode): string {
  const contains = (outer: ValueNode) => outer.file === node.file && outer.range.start <= node.range.start && node.range.end <= outer.range.end;
  const section = resource.model.deployment.node.properties.find((property) => contains(property.value));
  const entry = section?.value.kind === 'object' ? section.value.properties.find((property) => contains(property.value)) : undefined;
  const kind = section ? section.key.toLowerCase().replace(/s$/, '') : 'declaration';
  return `${kind}${entry ? ` '${entry.key}'` : ''} (${where(node)})`;
}

function where(node: ValueNode): string {
  const before = node.file.text.slice(0, node.range.start);
  return `line ${String(before.split(/\r\n|\r|\n/).length)}`;
}

function isPlainObject(value: JsonValue): value is Readonly<Record<string, JsonValue>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---- Applying the plan -------------------------------------------------------------------------

export interface RollbackOptions {
  /** Apply changes that edit variables and parameter defaults (`--unsafe-fixes`). */
  readonly unsafe: boolean;
  /** Parses a text of the file the way the linter does (same parameter binding). */
  readonly parse: (file: SourceFile) => ParseResult;
}

export type MachineOutcome =
  | { readonly kind: 'rolled-back'; readonly changes: readonly string[] }
  | { readonly kind: 'unchanged'; readonly reason: string }
  | { readonly kind: 'needs-unsafe'; readonly changes: readonly string[] }
  | { readonly kind: 'failed'; readonly reason: string };

export interface MachineReport {
  readonly label: string;
  /** Of the resource's type, in the original text. */
  readonly offset: number;
  readonly outcome: MachineOutcome;
  readonly notes: readonly string[];
}

export interface RollbackResult {
  readonly kind: 'template' | 'not-a-template' | 'fatal';
  /** The rolled-back text; equal to the input when nothing changed. */
  readonly text: string;
  readonly machines: readonly MachineReport[];
  /** Set for `fatal`: why the file could not be read as a template. */
  readonly message?: string;
}

const overlaps = (a: TextEdit, b: TextEdit) => a.range.start < b.range.end && b.range.start < a.range.end;

/**
 * Rolls every Trusted Launch scale set and VM of a file back, machine by machine: all of a
 * machine's changes or none (never a disabled extension on a machine still Trusted Launch). Changes
 * are applied in passes, like fixes, so two machines sharing a variable both get it; the text of
 * each pass must parse as a template again, or the pass is dropped.
 */
export function rollbackFile(file: SourceFile, options: RollbackOptions): RollbackResult {
  const first = options.parse(file);
  if (first.kind === 'fatal') return { kind: 'fatal', text: file.text, machines: [], message: first.message };
  if (first.kind !== 'template') return { kind: 'not-a-template', text: file.text, machines: [] };
  const initial = planRollback(first.model);
  const failures = new Map<number, string>();
  let current = file;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const parsed = pass === 0 ? first : options.parse(current);
    if (parsed.kind !== 'template') break;
    const edits = passEdits(parsed.model, options, failures);
    if (edits.length === 0) break;
    const text = applyEdits(current.text, edits);
    const candidate = { ...current, text };
    if (text === current.text || options.parse(candidate).kind !== 'template') break;
    current = candidate;
  }
  const final = options.parse(current);
  const remaining = final.kind === 'template' ? planRollback(final.model) : initial;
  const machines = initial.map((plan, index) => report(plan, remaining[index], failures.get(index), options.unsafe));
  return { kind: 'template', text: current.text, machines };
}

/** One pass: each machine's changes rendered together; machines that would touch the same text wait for the next pass. */
function passEdits(model: TemplateModel, options: RollbackOptions, failures: Map<number, string>): TextEdit[] {
  const taken: TextEdit[] = [];
  planRollback(model).forEach((plan, index) => {
    if (plan.changes.length === 0 || plan.problems.length > 0 || failures.has(index)) return;
    if (!options.unsafe && plan.changes.some((c) => c.applicability === 'unsafe')) return;
    const edits = model.renderer.render(plan.changes.flatMap((c) => c.intents));
    if (edits === undefined) {
      const failing = plan.changes.find((c) => model.renderer.render(c.intents) === undefined);
      failures.set(index, `tl-lint could not write "${failing?.description ?? plan.changes.map((c) => c.description).join('; ')}" in this template`);
      return;
    }
    if (edits.some((edit) => taken.some((t) => overlaps(t, edit) || (t.range.start === edit.range.start && t.range.end === edit.range.end)))) return;
    taken.push(...edits);
  });
  return taken;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    result = result.slice(0, edit.range.start) + edit.text + result.slice(edit.range.end);
  }
  return result;
}

function report(plan: MachinePlan, after: MachinePlan | undefined, failure: string | undefined, unsafe: boolean): MachineReport {
  const base = { label: plan.label, offset: plan.resource.typeRange.start, notes: plan.notes };
  const descriptions = plan.changes.map((c) => c.description);
  if (plan.state === 'confidential') return { ...base, outcome: { kind: 'unchanged', reason: plan.notes[0] ?? 'confidential VM' }, notes: [] };
  if (plan.state === 'standard') return { ...base, outcome: { kind: 'unchanged', reason: 'already Standard, with no GuestAttestation extension that can deploy' }, notes: [] };
  const [problem] = plan.problems;
  if (problem !== undefined) return { ...base, outcome: { kind: 'failed', reason: problem } };
  if (failure !== undefined) return { ...base, outcome: { kind: 'failed', reason: failure } };
  if (!unsafe && plan.changes.some((c) => c.applicability === 'unsafe')) return { ...base, outcome: { kind: 'needs-unsafe', changes: descriptions } };
  if (after && after.state !== 'standard') return { ...base, outcome: { kind: 'failed', reason: `still not rolled back after ${String(MAX_FIX_PASSES)} passes` } };
  return { ...base, outcome: { kind: 'rolled-back', changes: descriptions } };
}
