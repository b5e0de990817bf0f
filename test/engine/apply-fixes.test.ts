import { describe, expect, it } from 'vitest';
import { applyOnePass } from '../../src/engine/apply-fixes.js';
import { mergeEdits } from '../../src/engine/messages.js';
import type { Finding, RenderedFix } from '../../src/engine/run-rules.js';

function finding(...fixes: RenderedFix[]): Finding {
  return {
    ruleId: 'r',
    messageId: 'm',
    message: 'm',
    level: 'error',
    report: { messageId: 'm', range: { start: 0, end: 0 } },
    related: [],
    fixes,
  };
}
const edit = (start: number, end: number, text: string) => ({ range: { start, end }, text });

describe('applyOnePass', () => {
  it('applies safe fixes and leaves unsafe ones to --unsafe-fixes', () => {
    const findings = [
      finding({ title: 'a', applicability: 'safe', edits: [edit(0, 1, 'A')] }),
      finding({ title: 'b', applicability: 'unsafe', edits: [edit(2, 3, 'C')] }),
    ];
    expect(applyOnePass('abc', findings, 'safe')).toBe('Abc');
    expect(applyOnePass('abc', findings, 'unsafe')).toBe('AbC');
  });

  it('skips a fix that overlaps one already taken, whole', () => {
    const findings = [
      finding({ title: 'a', applicability: 'safe', edits: [edit(0, 2, 'XY')] }),
      finding({ title: 'b', applicability: 'safe', edits: [edit(1, 2, 'Z'), edit(3, 4, 'W')] }),
    ];
    expect(applyOnePass('abcd', findings, 'safe')).toBe('XYcd');
  });

  it('never applies display-only fixes and reports no change as undefined', () => {
    const findings = [finding({ title: 'see docs', applicability: 'display-only', edits: [] })];
    expect(applyOnePass('abc', findings, 'unsafe')).toBeUndefined();
  });
});

describe('mergeEdits', () => {
  it('merges edits into one replacement spanning them', () => {
    expect(mergeEdits('0123456789', [edit(7, 8, 'x'), edit(2, 3, 'y')])).toEqual({ range: [2, 8], text: 'y3456x' });
  });
});
