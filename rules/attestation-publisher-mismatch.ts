import { attestationPublisher, attestationPublisherOs } from '../src/azure/index.js';
import { defineRule, noOptions, type FixSpec, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import type { ValueNode } from '../src/model/value.js';
import { guestAttestationsOf } from './support/attestation.js';
import { computeResources, describe } from './support/compute.js';
import type { ExtensionView } from './support/extensions.js';
import { decideOs, type OsDecision } from './support/os.js';
import { declaredVariableName } from './support/template-scope.js';

// Windows machines take Microsoft.Azure.Security.WindowsAttestation, Linux machines
// Microsoft.Azure.Security.LinuxAttestation. https://learn.microsoft.com/azure/virtual-machines/boot-integrity-monitoring-overview
export default defineRule({
  meta: {
    id: 'attestation-publisher-mismatch',
    level: 'error',
    mode: 'both',
    description: "Requires the GuestAttestation extension's publisher to match the OS of the scale set or VM.",
    messages: {
      otherOs:
        "GuestAttestation publisher '{{publisher}}' is for {{publisherOs}}, but the {{resource}} runs {{os}} (from {{signal}}): the extension fails to install; use '{{expected}}'.",
      notAttestation: "'{{publisher}}' does not publish GuestAttestation; the {{resource}} runs {{os}} (from {{signal}}), so use '{{expected}}'.",
    },
    fix: 'safe',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template)) {
      const extensions = guestAttestationsOf(resource);
      const os = extensions.length > 0 ? decideOs(resource) : undefined;
      if (!os) continue;
      for (const extension of extensions) checkExtension(context, resource, extension, os);
    }
  },
});

function checkExtension(context: RuleContext<Record<string, never>>, resource: ResourceView, extension: ExtensionView, os: OsDecision): void {
  const { publisher, publisherNode } = extension;
  if (publisher === undefined || !publisherNode) return;
  const expected = attestationPublisher(os.os);
  if (publisher.toLowerCase() === expected.toLowerCase()) return;
  const publisherOs = attestationPublisherOs(publisher);
  const data = { publisher, publisherOs: publisherOs ?? '', resource: describe(resource), os: os.os, signal: os.signal, expected };
  context.report({
    messageId: publisherOs ? 'otherOs' : 'notAttestation',
    data,
    range: publisherNode.range,
    resource,
    ...replacement(extension.resource ?? resource, publisherNode, expected),
  });
}

/** Replace the publisher where it is decided: in place (safe), or at a variable or parameter default (unsafe: shared). */
function replacement(scope: ResourceView, written: ValueNode, expected: string) {
  const value = scope.eval(written);
  const origin = value.kind === 'known' ? value.origin : undefined;
  if (!origin || origin.node === written) {
    const fix: FixSpec = { title: `Replace the publisher with ${expected}`, applicability: 'safe', intents: [{ kind: 'replace', node: written, value: expected }] };
    return { fixes: [fix] };
  }
  const variable = declaredVariableName(scope.model.deployment, origin.variable ?? '');
  const where = origin.parameter === undefined ? `the variable '${variable}'` : `the parameter '${origin.parameter}'`;
  const related = [{ file: origin.node.file, range: origin.node.range, message: `the publisher comes from ${where} here` }];
  if (origin.via === 'parameter-file' || origin.node.kind !== 'literal') return { related };
  const fix: FixSpec = { title: `Change ${where} to ${expected}`, applicability: 'unsafe', intents: [{ kind: 'replace', node: origin.node, value: expected }] };
  return { related, fixes: [fix] };
}
