import { isAbsolute, relative, sep } from 'node:path';

/** A relative path with `/` separators, as SARIF URIs, GitHub and baselines want it on every OS. */
export function portablePath(path: string): string {
  return path.split(sep).join('/');
}

/** The path relative to `base` when the file is below it; the absolute path otherwise. */
export function pathBelow(base: string, filePath: string): string | undefined {
  const shown = relative(base, filePath);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? undefined : portablePath(shown);
}

/** How CI tools want a path: relative to the workspace when below it, else absolute. */
export function workspacePath(filePath: string, cwd: string): string {
  return pathBelow(cwd, filePath) ?? filePath;
}
