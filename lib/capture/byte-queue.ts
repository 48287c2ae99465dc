// The bytes pushed into a reader that have not been consumed yet. Chunks are kept as given (no
// concatenation); a read that fits one chunk is a view, only a read straddling chunks copies.
// The file parsers consume eagerly after every push, so this holds at most one partial record.

export class ByteQueue {
  private chunks: Buffer[] = [];
  private head = 0; // read offset into chunks[0]
  private total = 0;

  get length(): number {
    return this.total;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.total += chunk.length;
  }

  /** The first `n` bytes (caller checks `length >= n`). A view into a chunk when possible. */
  peek(n: number): Buffer {
    const first = this.chunks[0];
    if (first.length - this.head >= n) return first.subarray(this.head, this.head + n);
    const out = Buffer.allocUnsafe(n);
    let written = 0;
    let pos = this.head;
    for (let i = 0; written < n; i++) {
      const c = this.chunks[i];
      const take = Math.min(c.length - pos, n - written);
      c.copy(out, written, pos, pos + take);
      written += take;
      pos = 0;
    }
    return out;
  }

  /** Drops up to `n` bytes from the front; returns how many were dropped. */
  skip(n: number): number {
    let left = Math.min(n, this.total);
    const dropped = left;
    while (left > 0) {
      const avail = this.chunks[0].length - this.head;
      if (avail > left) {
        this.head += left;
        left = 0;
      } else {
        left -= avail;
        this.chunks.shift();
        this.head = 0;
      }
    }
    this.total -= dropped;
    return dropped;
  }

  clear(): void {
    this.chunks = [];
    this.head = 0;
    this.total = 0;
  }
}
