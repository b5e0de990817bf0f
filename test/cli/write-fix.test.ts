import { lstatSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLike, writeFixedFile } from '../../src/cli/write-fix.js';
import { tempTree } from './temp-tree.js';

describe('encodeLike', () => {
  it.each([
    { name: 'UTF-8', original: [0x7b], bytes: [0x61, 0xc3, 0xa9] },
    { name: 'UTF-8 with BOM', original: [0xef, 0xbb, 0xbf, 0x7b], bytes: [0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9] },
    { name: 'UTF-16LE with BOM', original: [0xff, 0xfe, 0x7b, 0x00], bytes: [0xff, 0xfe, 0x61, 0x00, 0xe9, 0x00] },
    { name: 'UTF-16BE with BOM', original: [0xfe, 0xff, 0x00, 0x7b], bytes: [0xfe, 0xff, 0x00, 0x61, 0x00, 0xe9] },
  ])('writes $name text back in the same encoding', ({ original, bytes }) => {
    expect([...encodeLike(Uint8Array.from(original), 'aé')]).toEqual(bytes);
    expect([...encodeLike(Uint8Array.from(original), '\uFEFFaé')]).toEqual(bytes);
  });
});

describe('writeFixedFile', () => {
  it('replaces the file a symlink points at, leaving the symlink', async () => {
    const root = tempTree({ 'real.json': 'old' });
    const link = join(root, 'link.json');
    symlinkSync(join(root, 'real.json'), link);
    expect(await writeFixedFile(link, Buffer.from('old'), 'new')).toEqual({ kind: 'written' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'real.json'), 'utf8')).toBe('new');
  });

  it('refuses when the bytes on disk differ from what was read', async () => {
    const root = tempTree({ 't.json': 'old' });
    writeFileSync(join(root, 't.json'), 'changed');
    expect(await writeFixedFile(join(root, 't.json'), Buffer.from('old'), 'new')).toEqual({ kind: 'changed-on-disk' });
    expect(readFileSync(join(root, 't.json'), 'utf8')).toBe('changed');
  });

  it('reports a failure for a file it cannot read, and creates nothing', async () => {
    const root = tempTree({ 't.json': 'old' });
    const outcome = await writeFixedFile(join(root, 'missing.json'), Buffer.from('old'), 'new');
    expect(outcome.kind).toBe('failed');
    expect(readdirSync(root)).toEqual(['t.json']);
  });
});
