import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface DocExample {
  readonly language: string;
  readonly verdict: 'valid' | 'invalid';
  readonly code: string;
  readonly line: number;
}

/** The fenced examples of a rule's docs page: ```json invalid / ```json valid (and ```bicep …). */
export function docExamples(ruleId: string): DocExample[] {
  const text = readFileSync(join(repoRoot, 'docs', 'rules', `${ruleId}.md`), 'utf8');
  const examples: DocExample[] = [];
  for (const match of text.matchAll(/^```(\w+) (valid|invalid)\n([\s\S]*?)^```$/gm)) {
    examples.push({
      language: match[1] ?? '',
      verdict: match[2] === 'valid' ? 'valid' : 'invalid',
      code: match[3] ?? '',
      line: text.slice(0, match.index).split('\n').length,
    });
  }
  return examples;
}
