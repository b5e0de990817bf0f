import { defineRule, noOptions } from '../src/engine/rule.js';

// ARM expression syntax: https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions
// The seed article's own snippet has one: format('{0}/{1}', parameters('vmssName'), GuestAttestation).
export default defineRule({
  meta: {
    id: 'invalid-template-expression',
    level: 'error',
    mode: 'both',
    description: 'Reports ARM template expressions that do not parse, call unknown functions or pass the wrong number of arguments.',
    messages: {
      syntax: 'Invalid template expression: {{detail}}',
      unknownFunction: "Unknown template function '{{name}}': the deployment fails when ARM evaluates it.",
      arity: "The function '{{name}}' takes {{expected}} argument(s), but {{actual}} are given.",
    },
    fix: 'none',
    options: noOptions,
  },
  check(context) {
    for (const problem of context.template.expressionProblems) {
      context.report({ messageId: problem.messageId, data: problem.data, range: problem.range });
    }
  },
});
