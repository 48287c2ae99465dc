// Lets the reader look at the first bytes of a stream (to detect its format) and then read
// the whole stream, those bytes included, without buffering more than it peeked.

export class PeekableSource implements AsyncIterable<Buffer> {
  private readonly head: Buffer[] = [];
  private headLen = 0;
  private done = false;
  /** an error met while peeking: the peeked bytes are still read first, then it is thrown */
  private failure: { err: unknown } | null = null;
  private readonly it: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.it = source[Symbol.asyncIterator]();
  }

  /**
   * Up to n bytes from the start (fewer only if the stream is shorter). A stream that fails after
   * some bytes (a truncated gzip) gives those; the failure comes when reading on past them.
   */
  async peek(n: number): Promise<Buffer> {
    while (this.headLen < n && !this.done) {
      let r: IteratorResult<Buffer>;
      try {
        r = await this.it.next();
      } catch (err) {
        if (this.headLen === 0) throw err;
        this.failure = { err };
        this.done = true;
        break;
      }
      if (r.done) {
        this.done = true;
        break;
      }
      if (r.value.length === 0) continue;
      this.head.push(r.value);
      this.headLen += r.value.length;
    }
    const all = this.head.length === 1 ? this.head[0] : Buffer.concat(this.head, this.headLen);
    return all.subarray(0, Math.min(n, all.length));
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    try {
      while (this.head.length > 0) yield this.head.shift()!;
      this.headLen = 0;
      if (this.failure) throw this.failure.err;
      while (!this.done) {
        const r = await this.it.next();
        if (r.done) {
          this.done = true;
          break;
        }
        yield r.value;
      }
    } finally {
      // Stopping early must release the upstream (gunzip, file handle, upload socket).
      if (!this.done) await this.it.return?.();
    }
  }

  /** Releases the upstream when the stream is abandoned after a peek. */
  async close(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.it.return?.();
    }
  }
}
