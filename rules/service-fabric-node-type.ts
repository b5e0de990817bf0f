import { isServiceFabricNode } from '../src/azure/index.js';
import { defineRule, noOptions, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import { possibleValues } from '../src/model/evaluated.js';
import { getProperty, type ValueNode } from '../src/model/value.js';
import { computeResources, describe, isScaleSet } from './support/compute.js';
import { extensionsOf } from './support/extensions.js';

// Service Fabric clusters (and managed clusters) are not supported by the Trusted Launch upgrade:
// https://learn.microsoft.com/azure/virtual-machines/trusted-launch-existing-vmss
// A node type is a scale set with the Service Fabric extension, named after the cluster's nodeTypes:
// https://learn.microsoft.com/azure/service-fabric/service-fabric-cluster-nodetypes
export default defineRule({
  meta: {
    id: 'service-fabric-node-type',
    level: 'error',
    mode: 'upgrade',
    description: 'Reports scale sets that host a Service Fabric node type, on which Trusted Launch cannot be enabled.',
    messages: {
      extension:
        "The {{resource}} hosts a Service Fabric node type (extension '{{type}}', {{where}}): enabling Trusted Launch on the scale sets of a Service Fabric cluster is not supported.",
      cluster:
        "The {{resource}} is node type '{{nodeType}}' of the Service Fabric cluster {{cluster}}: enabling Trusted Launch on the scale sets of a Service Fabric cluster is not supported.",
    },
    fix: 'none',
    options: noOptions,
  },
  check(context) {
    for (const resource of computeResources(context.template).filter(isScaleSet)) {
      if (!reportExtension(context, resource)) reportCluster(context, resource);
    }
  },
});

function reportExtension(context: RuleContext<Record<string, never>>, resource: ResourceView): boolean {
  const extension = extensionsOf(resource).find((e) => e.publisher !== undefined && e.type !== undefined && isServiceFabricNode(e.publisher, e.type));
  if (!extension) return false;
  context.report({
    messageId: 'extension',
    data: { resource: describe(resource), type: extension.type ?? '', where: extension.where },
    range: (extension.publisherNode ?? extension.node).range,
    resource,
  });
  return true;
}

const knownString = (resource: ResourceView, node: ValueNode | undefined): string | undefined => {
  const values = node && possibleValues(resource.eval(node));
  return values?.length === 1 && typeof values[0] === 'string' ? values[0] : undefined;
};

/** A `Microsoft.ServiceFabric/clusters` resource of this template whose nodeTypes name the scale set. */
function reportCluster(context: RuleContext<Record<string, never>>, resource: ResourceView): void {
  const vmssName = knownString(resource, resource.model.name);
  if (vmssName === undefined) return;
  for (const cluster of context.template.ofType('Microsoft.ServiceFabric/clusters')) {
    const nodeTypes = cluster.get('properties.nodeTypes')?.node;
    for (const nodeType of nodeTypes?.kind === 'array' ? nodeTypes.items : []) {
      const nameNode = nodeType.kind === 'object' ? getProperty(nodeType, 'name')?.value : undefined;
      const name = knownString(cluster, nameNode);
      if (!nameNode || name?.toLowerCase() !== vmssName.toLowerCase()) continue;
      const clusterName = knownString(cluster, cluster.model.name);
      context.report({
        messageId: 'cluster',
        data: { resource: describe(resource), nodeType: name, cluster: clusterName === undefined ? 'in this template' : `'${clusterName}'` },
        range: resource.typeRange,
        resource,
        related: [{ file: nameNode.file, range: nameNode.range, message: 'The cluster names the node type here' }],
      });
      return;
    }
  }
}
