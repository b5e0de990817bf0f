import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameFilter } from '../../src/lsp/frames.js';

const frame = (body: string) => `Content-Length: ${String(Buffer.byteLength(body))}\r\n\r\n${body}`;

/** Feeds `input` to a filter in the given chunk sizes; what comes out, and what was dropped. */
async function filter(input: Buffer, sizes: readonly number[]): Promise<{ readonly output: string; readonly dropped: string[] }> {
  const dropped: string[] = [];
  const filterStream = new FrameFilter((reason) => dropped.push(reason));
  const out: Buffer[] = [];
  filterStream.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => filterStream.on('end', resolve));
  let at = 0;
  for (const size of sizes) {
    if (at >= input.length) break;
    filterStream.write(input.subarray(at, at + size));
    at += size;
  }
  if (at < input.length) filterStream.write(input.subarray(at));
  filterStream.end();
  await done;
  return { output: Buffer.concat(out).toString('utf8'), dropped };
}

const garbageHeaders = ['X-Foo: 1\r\n\r\n', 'Content-Length: abc\r\n\r\n', 'Content-Length: 99999999999\r\n\r\n', '\r\n\r\n', 'Content-Type: x\r\n\r\n'];

describe('FrameFilter', () => {
  it('passes well-framed messages and drops broken headers, however the bytes are chunked', async () => {
    const body = fc.string({ unit: 'binary', maxLength: 200 });
    const part = fc.oneof(
      body.map((b) => ({ good: true, text: frame(b) })),
      fc.constantFrom(...garbageHeaders).map((text) => ({ good: false, text })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 400 }), async (parts, sizes) => {
        const input = Buffer.from(parts.map((p) => p.text).join(''));
        const { output, dropped } = await filter(input, sizes);
        expect(output).toBe(parts.filter((p) => p.good).map((p) => p.text).join(''));
        expect(dropped).toHaveLength(parts.filter((p) => !p.good).length);
      }),
      { numRuns: 200 },
    );
  });

  it('names what it drops, and gives up on 64 kB without a header end', async () => {
    const junk = 'x'.repeat(64 * 1024);
    const { output, dropped } = await filter(Buffer.from(`X-Foo: 1\r\n\r\n${junk}${frame('{"ok":1}')}`), [1 << 20]);
    expect(output).toBe(frame('{"ok":1}'));
    expect(dropped).toEqual(['a header without a usable Content-Length: "X-Foo: 1\\r\\n\\r\\n"', '65536 bytes without a header end']);
  });

  it('passes a large body split in many chunks as one message', async () => {
    const big = frame(`"${'é'.repeat(300_000)}"`);
    const { output } = await filter(Buffer.from(big), Array.from({ length: 2000 }, () => 333));
    expect(output).toBe(big);
  });
});
