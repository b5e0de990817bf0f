import { fixtureTests } from './fixtures.js';
import { ruleTester, template } from './harness.js';

const named = (name: string) => template(`[ { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": ${name} } ]`);

ruleTester('invalid-template-expression', {
  valid: [
    { name: 'a well-formed expression', code: named('"[concat(\'a\', uniqueString(resourceGroup().id))]"') },
    { name: 'an escaped literal bracket', code: named('"[[not an expression]"') },
    { name: 'a string that only starts with a bracket is a literal', code: named('"[concat(\'a\'"') },
    { name: 'list* functions', code: named('"[listKeys(\'x\', \'2023-01-01\').keys[0].value]"') },
  ],
  invalid: [
    {
      name: 'an unquoted identifier',
      code: named('"[format(\'{0}/{1}\', \'a\', GuestAttestation)]"'),
      errors: [{ messageId: 'syntax', line: 4, column: 126, endLine: 4, endColumn: 142 }],
    },
    { name: 'an unknown function', code: named('"[concatenate(\'a\', \'b\')]"'), errors: [{ messageId: 'unknownFunction', line: 4, column: 103, endLine: 4, endColumn: 114 }] },
    { name: 'a wrong arity', code: named('"[substring()]"'), errors: [{ messageId: 'arity', line: 4, column: 103, endLine: 4, endColumn: 114 }] },
    { name: 'an unclosed call', code: named('"[concat(\'a\']"'), errors: [{ messageId: 'syntax', line: 4, column: 109, endLine: 4, endColumn: 110 }] },
  ],
});

fixtureTests('invalid-template-expression', [
  { file: 'seed-guest-attestation.json', findings: ['syntax@15:59'] },
  { file: 'vm-simple-windows.bicep', findings: [] },
]);
