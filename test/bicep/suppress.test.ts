import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../rules/harness.js';

const VM = (comment: string) => `param location string = 'westeurope'
${comment}
resource vm 'Microsoft.Compute/virtualMachines@2019-07-01' = {
  name: 'vm1'
  location: location
  properties: {
    securityProfile: {
      securityType: 'TrustedLaunch'
      uefiSettings: {
        secureBootEnabled: true
        vTpmEnabled: true
      }
    }
  }
}
`;

describe('suppression comments in Bicep', () => {
  it('`// tl-lint-disable-next-line <id> -- reason` suppresses the finding on the next line', async () => {
    const flagged = await lintWithRule('api-version-too-old', { name: 'flagged', code: VM('// pinned'), filename: 'main.bicep' });
    expect(flagged.messages.map((m) => [m.messageId, m.line, m.column])).toEqual([['tooOld', 3, 48]]);
    const suppressed = await lintWithRule('api-version-too-old', {
      name: 'suppressed',
      code: VM('// tl-lint-disable-next-line api-version-too-old -- pinned by the platform team'),
      filename: 'main.bicep',
    });
    expect(suppressed.messages).toEqual([]);
    expect(suppressed.suppressedMessages.map((m) => m.messageId)).toEqual(['tooOld']);
  });

  it('block comments work too, and the fix keeps them', async () => {
    const code = VM('/* tl-lint-disable-next-line security-type-not-trusted-launch */');
    const fixed = await lintWithRule('api-version-too-old', { name: 'fix', code, filename: 'main.bicep' }, 'safe');
    expect(fixed.output).toBe(code.replace('@2019-07-01', '@2020-12-01'));
  });
});
