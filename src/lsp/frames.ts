import { Transform, type TransformCallback } from 'node:stream';

const SEPARATOR = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_BODY_BYTES = 512 * 1024 * 1024;

/** The Content-Length of a header block, or undefined when it has none that is usable. */
function contentLength(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const match = /^content-length:[ \t]*(\d{1,10})[ \t]*$/i.exec(line);
    if (match) {
      const length = Number(match[1]);
      return length <= MAX_BODY_BYTES ? length : undefined;
    }
  }
  return undefined;
}

/**
 * Passes on only well-framed LSP messages (`Content-Length` header, then that many bytes) and drops
 * broken header blocks. vscode-jsonrpc's reader stops reading the current chunk at a bad header and
 * resumes only when more data arrives, so a bad header followed in the same chunk by good messages
 * would leave those waiting; after this filter, every header it sees is a good one.
 */
export class FrameFilter extends Transform {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private header: Buffer | undefined;
  private bodyLength = 0;

  constructor(private readonly dropped: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.frames();
    callback();
  }

  private frames(): void {
    for (;;) {
      if (this.header === undefined) {
        const head = this.peek(Math.min(this.size, MAX_HEADER_BYTES));
        const end = head.indexOf(SEPARATOR);
        if (end < 0) {
          if (this.size < MAX_HEADER_BYTES) return;
          this.consume(MAX_HEADER_BYTES);
          this.dropped(`${String(MAX_HEADER_BYTES)} bytes without a header end`);
          continue;
        }
        const header = this.consume(end + SEPARATOR.length);
        const length = contentLength(header.toString('latin1'));
        if (length === undefined) {
          this.dropped(`a header without a usable Content-Length: ${JSON.stringify(header.toString('latin1').slice(0, 200))}`);
          continue;
        }
        this.header = header;
        this.bodyLength = length;
      }
      if (this.size < this.bodyLength) return;
      this.push(Buffer.concat([this.header, this.consume(this.bodyLength)]));
      this.header = undefined;
    }
  }

  /** The first `count` buffered bytes, without taking them (merges chunks only as far as needed). */
  private peek(count: number): Buffer {
    let first = this.chunks[0] ?? Buffer.alloc(0);
    while (first.length < count && this.chunks.length > 1) {
      const [a = first, b = Buffer.alloc(0)] = this.chunks.splice(0, 2);
      first = Buffer.concat([a, b]);
      this.chunks.unshift(first);
    }
    return first.subarray(0, count);
  }

  private consume(count: number): Buffer {
    const parts: Buffer[] = [];
    let needed = count;
    while (needed > 0) {
      const chunk = this.chunks.shift();
      if (!chunk) break;
      if (chunk.length > needed) {
        parts.push(chunk.subarray(0, needed));
        this.chunks.unshift(chunk.subarray(needed));
        needed = 0;
      } else {
        parts.push(chunk);
        needed -= chunk.length;
      }
    }
    this.size -= count;
    return parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
  }
}
