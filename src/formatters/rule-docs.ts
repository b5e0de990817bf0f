import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RuleDocs {
  /** The page as Markdown, without the generator's marker comments. */
  readonly markdown: string;
  /** The first paragraph of the "Why it blocks Trusted Launch" section, when there is one. */
  readonly why: string | undefined;
  readonly url: string;
}

/** A rule's docs page (`<docsDirectory>/<id>.md`), or undefined when it is not there. */
export function readRuleDocs(docsDirectory: string, id: string): RuleDocs | undefined {
  const path = join(docsDirectory, `${id}.md`);
  let page: string;
  try {
    page = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const markdown = page.replace(/^<!--.*-->[ \t]*\r?\n/gm, '');
  return { markdown, why: firstParagraph(markdown, 'Why it blocks Trusted Launch'), url: pathToFileURL(path).href };
}

function firstParagraph(markdown: string, heading: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  const paragraph: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    if (line.startsWith('#')) break;
    paragraph.push(line.trim());
  }
  return paragraph.length > 0 ? paragraph.join(' ') : undefined;
}
