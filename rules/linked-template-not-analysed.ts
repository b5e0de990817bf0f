import { defineRule, noOptions, type ResourceView, type RuleContext } from '../src/engine/rule.js';
import type { UnreadModuleReason } from '../src/model/template.js';

const DEPLOYMENTS = 'Microsoft.Resources/deployments';

// tl-lint never fetches a template (a linked template's URI, a registry or template-spec module)
// and reads local modules only inside the project, so a scale set deployed by one of those is
// not checked here. Saying so keeps "no findings" from reading as "ready for Trusted Launch".
// https://learn.microsoft.com/azure/azure-resource-manager/templates/linked-templates
const BICEP_REASONS: Readonly<Record<UnreadModuleReason, string>> = {
  registry: 'registry modules are not fetched',
  'template-spec': 'template specs are not fetched',
  json: 'JSON modules are not followed; lint that file on its own',
  'outside-root': 'the path leads outside the project, which tl-lint does not read',
  'not-found': 'the file cannot be read',
  'too-large': 'the file is larger than tl-lint reads for a module',
  'not-literal': 'the path is not a plain string',
};

export default defineRule({
  meta: {
    id: 'linked-template-not-analysed',
    level: 'info',
    mode: 'both',
    description: 'Notes deployments and modules whose template tl-lint does not read (linked by URI, registry, template spec, outside the project), so scale sets in them are not checked.',
    messages: {
      linkedTemplate:
        "The template this deployment links to ({{target}}) is not analysed: tl-lint never fetches or reads linked templates. A scale set or VM in it is not checked here; lint that template on its own.",
      module: "The module {{target}} is not analysed: {{reason}}. A scale set or VM in it is not checked here.",
    },
    fix: 'none',
    options: noOptions,
  },
  check(context) {
    for (const resource of context.template.resources) {
      if (resource.type.toLowerCase() !== DEPLOYMENTS.toLowerCase() || resource.existing) continue;
      checkDeployment(context, resource);
    }
  },
});

function checkDeployment(context: RuleContext<Record<string, never>>, resource: ResourceView): void {
  const unread = resource.model.unreadModule;
  if (unread) {
    const target = unread.path === undefined ? 'whose path is an expression' : `'${unread.path}'`;
    context.report({ messageId: 'module', data: { target, reason: BICEP_REASONS[unread.reason] }, range: unread.range, resource });
    return;
  }
  const link = resource.get('properties.templateLink');
  if (!link || resource.get('properties.template')) return;
  context.report({ messageId: 'linkedTemplate', data: { target: linkTarget(resource) }, range: link.node.range, resource });
}

function linkTarget(resource: ResourceView): string {
  for (const [key, label] of [['uri', 'URI'], ['relativePath', 'relative path'], ['id', 'template spec']] as const) {
    const property = resource.get(`properties.templateLink.${key}`);
    if (!property) continue;
    const { value } = property;
    return value.kind === 'known' && typeof value.value === 'string' ? `${label} '${value.value}'` : `a ${label} computed at deployment`;
  }
  return 'a templateLink';
}
