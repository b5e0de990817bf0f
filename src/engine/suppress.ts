import { positionAt, type SourceFile } from '../model/source.js';
import type { Comment, ResourceModel, TemplateModel } from '../model/template.js';
import { getProperty } from '../model/value.js';
import type { Finding } from './run-rules.js';

/** `tl-lint-disable-next-line a, b -- reason`, `tl-lint-disable-line`, `tl-lint-disable` / `tl-lint-enable`. */
const DIRECTIVE = /^\s*(tl-lint-(?:disable-next-line|disable-line|disable|enable))(?=\s|$)(.*)$/s;

type RuleSet = ReadonlySet<string> | 'all';

interface LineDirective {
  readonly line: number;
  readonly rules: RuleSet;
}

interface BlockDirective {
  readonly offset: number;
  readonly kind: 'disable' | 'enable';
  readonly rules: RuleSet;
}

function ruleList(text: string): RuleSet {
  const [list = ''] = text.split(/\s--\s|\s--$/);
  const ids = list.split(',').map((id) => id.trim()).filter((id) => id !== '');
  return ids.length === 0 ? 'all' : new Set(ids);
}

const covers = (rules: RuleSet, id: string) => rules === 'all' || rules.has(id);

export interface SuppressionTarget {
  readonly ruleId: string;
  readonly offset: number;
  readonly resource: ResourceModel | undefined;
}

/** Decides which findings the file's comments and resource metadata suppress. */
export class Suppressions {
  private readonly lines: LineDirective[] = [];
  private readonly blocks: BlockDirective[] = [];

  constructor(
    private readonly file: SourceFile,
    comments: readonly Comment[],
  ) {
    for (const comment of comments) {
      const match = DIRECTIVE.exec(comment.body);
      if (!match) continue;
      const [, directive = '', rest = ''] = match;
      const rules = ruleList(rest);
      if (directive === 'tl-lint-disable-next-line') {
        this.lines.push({ line: positionAt(file, comment.range.end).line + 1, rules });
      } else if (directive === 'tl-lint-disable-line') {
        this.lines.push({ line: positionAt(file, comment.range.start).line, rules });
      } else {
        this.blocks.push({ offset: comment.range.start, kind: directive === 'tl-lint-disable' ? 'disable' : 'enable', rules });
      }
    }
  }

  isSuppressed(target: SuppressionTarget): boolean {
    const line = positionAt(this.file, target.offset).line;
    if (this.lines.some((d) => d.line === line && covers(d.rules, target.ruleId))) return true;
    if (this.inDisabledBlock(target)) return true;
    return disabledByMetadata(target.resource, target.ruleId);
  }

  private inDisabledBlock(target: SuppressionTarget): boolean {
    let disabled = false;
    for (const block of this.blocks) {
      if (block.offset > target.offset) break;
      if (covers(block.rules, target.ruleId)) disabled = block.kind === 'disable';
    }
    return disabled;
  }
}

/** Strict JSON has no comments: `"metadata": { "tl-lint-disable": ["id"] }` on the resource or a parent. */
function disabledByMetadata(resource: ResourceModel | undefined, ruleId: string): boolean {
  for (let current = resource; current; current = current.parent) {
    const entry = current.metadata && getProperty(current.metadata, 'tl-lint-disable')?.value;
    if (entry?.kind !== 'array') continue;
    const ids = entry.items.flatMap((item) => (item.kind === 'literal' && typeof item.value === 'string' ? [item.value] : []));
    if (ids.includes(ruleId) || ids.includes('*')) return true;
  }
  return false;
}

/** Splits a template's findings into those reported and those its comments and resource metadata suppress. */
export function partitionSuppressed(model: TemplateModel, findings: readonly Finding[]): { kept: Finding[]; suppressed: Finding[] } {
  const suppressions = new Suppressions(model.file, model.comments);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const target = { ruleId: finding.ruleId, offset: finding.report.range.start, resource: finding.report.resource?.model };
    (suppressions.isSuppressed(target) ? suppressed : kept).push(finding);
  }
  return { kept, suppressed };
}
