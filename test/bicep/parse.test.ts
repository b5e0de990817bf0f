import { describe, expect, it } from 'vitest';
import { ensureBicepParser, parseBicepFile, parseBicepParamFile } from '../../src/model/bicep/index.js';
import { shimBicep } from '../../src/model/bicep/shim.js';
import { createSourceFile, positionAt } from '../../src/model/source.js';
import { parseBicep } from './helpers.js';

await ensureBicepParser();

function fatal(text: string, path = '/w/main.bicep') {
  const result = path.endsWith('.bicepparam') ? parseBicepParamFile(createSourceFile(path, text)) : parseBicepFile(createSourceFile(path, text));
  if (result.kind !== 'fatal') throw new Error(`expected fatal, got ${result.kind}`);
  return { ...positionAt(result.file, result.offset), message: result.message };
}

describe('Bicep syntax errors', () => {
  it.each([
    ['an unterminated array', "var a = 1\nvar x = [\n  1\nvar y = 2\n", 4, 10, "Bicep syntax error: expected ']'"],
    ['a stray token', "param p string\n@@\nvar y = 2\n", 2, 1, "Bicep syntax error near '@@'"],
    ['a missing closing parenthesis', 'var x = concat(1\n', 1, 17, "Bicep syntax error: expected ')'"],
  ])('%s is fatal at its first error', (_name, text, line, column, message) => {
    expect(fatal(text)).toEqual({ line, column, message });
  });

  it('reports a syntax error in a .bicepparam file', () => {
    expect(fatal("using 'main.bicep'\nparam x = \n", '/w/main.bicepparam')).toMatchObject({ line: 2 });
  });

  it('a valid .bicepparam file is a parameter source', () => {
    const result = parseBicepParamFile(createSourceFile('/w/main.bicepparam', "using 'main.bicep'\nparam x = 'a'\nvar y = 1\n"));
    expect(result.kind).toBe('parameters');
  });
});

describe('syntax the compiler accepts and tree-sitter-bicep 1.1.0 does not', () => {
  it.each([
    ['typed variables', "var s string = 'foo'\nvar o { a: int } = { a: 1 }\n"],
    ['nullable parameter types before other declarations', "param lock lockType?\nparam y string\nparam r roleType[]?\n@description('x')\nparam z string?\n"],
    ['resource-derived types', "param p resourceInput<'Microsoft.Compute/virtualMachines@2024-07-01'>.properties.securityProfile.securityType?\ntype t = sys.resourceOutput<'Microsoft.Storage/storageAccounts@2023-01-01'>.properties.accessPolicies[*]\n"],
    ['extension declarations', "extension az\nextension 'br:mcr.microsoft.com/bicep/extensions/x/v1:1.2.3' with {\n  a: 'b'\n} as x\nvar y = 1\n"],
    ['multi-line imports with quoted names', "import {\n  'not-an-identifier' as fine\n  other\n} from 'mod.bicep'\nvar y = fine\n"],
    ['spreads', "var a = { x: 1 }\nvar b = {\n  ...a\n  y: 2\n}\nvar c = [...[1], ...[2]]\n"],
    ['interpolated multi-line strings', "var n = 'x'\nvar s = $'''\nhello ${n}\n'''\nvar t = $$'''${n} $${n}'''\n"],
    ['indexes from the end', 'var a = [1, 2]\nvar b = a[^1]\nvar c = a[?^2]\n'],
    ['strings that start like comments', "var a = split('a//b', '//')[0]\nvar b = '/*x*/'\n"],
    ['non-null assertions', "param o object\nvar a = last(split(o.id, '/'))!\nvar b = o.x!.y\nvar c = o.z!\n"],
  ])('%s parse without a syntax error', (_name, text) => {
    expect(() => parseBicep(text)).not.toThrow();
  });

  it('rewrites only what the grammar cannot read, keeping every offset', () => {
    const text = "var b = {\n  ...a\n}\nvar c = a[^1]\n";
    const shimmed = shimBicep(text, false);
    expect(shimmed.text).toBe("var b = {\n  _: a\n}\nvar c = a[ 1]\n");
    expect([...shimmed.notes.spreads]).toEqual([12]);
    expect([...shimmed.notes.fromEnd]).toEqual([29]);
  });

  it('leaves files without such syntax untouched', () => {
    const text = "param a string = 'x'\nvar b = !empty(a) ? a : 'y'\n";
    expect(shimBicep(text, false)).toMatchObject({ text, changed: false });
  });
});
