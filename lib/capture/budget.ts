// One shared allowance for everything a reader buffers across flows (out-of-order segments,
// partial TLS records and handshake messages), so many half-open flows cannot add up unbounded.

export class ByteBudget {
  used = 0;
  peak = 0;

  constructor(readonly max: number) {}

  /** Reserve `n` bytes; false (nothing reserved) when that would pass the cap. */
  take(n: number): boolean {
    if (this.used + n > this.max) return false;
    this.used += n;
    if (this.used > this.peak) this.peak = this.used;
    return true;
  }

  release(n: number): void {
    this.used = Math.max(0, this.used - n);
  }
}

/**
 * A growable byte buffer charged to a budget, used to join a record or message that arrived in
 * pieces. Capacity doubles (so 1-byte TCP segments stay linear) and never exceeds `cap`.
 */
export class Accumulator {
  private buf: Buffer | null = null;
  private start = 0;
  private end = 0;

  constructor(
    private readonly budget: ByteBudget,
    private readonly cap: number,
  ) {}

  get length(): number {
    return this.end - this.start;
  }

  /** The joined bytes; valid until the next append/consume. */
  view(): Buffer {
    return this.buf ? this.buf.subarray(this.start, this.end) : Buffer.alloc(0);
  }

  /** Appends a copy of `data`; false when the cap or the shared budget refuses. */
  append(data: Buffer): boolean {
    const need = this.length + data.length;
    if (need > this.cap) return false;
    if (!this.buf || this.end + data.length > this.buf.length) {
      const capacity = this.buf ? this.buf.length : 0;
      let next = Math.max(256, capacity);
      while (next < need) next *= 2;
      next = Math.min(next, this.cap);
      if (next !== capacity) {
        if (next > capacity && !this.budget.take(next - capacity)) return false;
        if (next < capacity) this.budget.release(capacity - next);
        const grown = Buffer.allocUnsafe(next);
        if (this.buf) this.buf.copy(grown, 0, this.start, this.end);
        this.buf = grown;
      } else if (this.buf) {
        this.buf.copy(this.buf, 0, this.start, this.end); // same size: just compact to the front
      }
      this.end = this.length;
      this.start = 0;
    }
    data.copy(this.buf!, this.end);
    this.end += data.length;
    return true;
  }

  consume(n: number): void {
    this.start += n;
    if (this.start >= this.end) this.reset();
  }

  /** Frees the storage (and its budget) once empty, so idle flows hold nothing. */
  reset(): void {
    if (this.buf) this.budget.release(this.buf.length);
    this.buf = null;
    this.start = 0;
    this.end = 0;
  }
}
