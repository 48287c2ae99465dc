// Reassembly of one TCP direction into the byte stream the application wrote. Copes with
// out-of-order segments (held until the hole fills), retransmissions and overlaps (trimmed),
// and bytes the capture never had (a gap: the stream stops there, since TLS parsing cannot
// resynchronise). Only the first `maxBytes` of the stream are ever delivered.
import type { ByteBudget } from "./budget";

export interface StreamConsumer {
  /** false once the consumer needs no more bytes (handshake over, not TLS, ...) */
  wantsMore(): boolean;
  /** in-order bytes; `segmentStart` is true when `data` begins where a TCP segment began */
  data(data: Buffer, segmentStart: boolean): void;
  /** bytes are missing at stream offset `at`; nothing more will be delivered */
  gap(at: number, why: string): void;
}

interface Pending {
  seq: number;
  data: Buffer;
  /** bytes the capture cut off the end of this segment: a gap follows it */
  missing: number;
}

export class TcpStream {
  private started = false;
  private nextSeq = 0;
  private delivered = 0;
  private finished = false;
  private finSeen = false;
  private pending: Pending[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly consumer: StreamConsumer,
    private readonly budget: ByteBudget,
    private readonly maxBytes: number,
  ) {}

  get bufferedBytes(): number {
    return this.pendingBytes;
  }

  /** bytes handed to the consumer so far */
  get deliveredBytes(): number {
    return this.delivered;
  }

  get active(): boolean {
    return !this.finished;
  }

  syn(seq: number): void {
    if (this.started) return;
    this.started = true;
    this.nextSeq = (seq + 1) >>> 0;
  }

  fin(): void {
    this.finSeen = true;
  }

  segment(seq: number, payload: Buffer, missing: number): void {
    if (this.finished) return;
    if (!this.consumer.wantsMore()) return this.stop();
    if (payload.length === 0 && missing === 0) return;
    if (!this.started) {
      // No SYN seen: the stream starts at the first segment we have.
      this.started = true;
      this.nextSeq = seq;
    }
    const rel = (seq - this.nextSeq) | 0;
    if (rel > 0) return this.hold(seq, rel, payload, missing);
    this.deliver(-rel, payload, missing);
    this.drainPending();
  }

  /** The peer acknowledged `ack`: bytes before it that we never saw are lost from the capture. */
  acked(ack: number): void {
    if (this.finished || !this.started) return;
    if (!this.consumer.wantsMore()) return this.stop();
    const ahead = (ack - this.nextSeq) | 0;
    // A FIN takes one sequence number without carrying data.
    if (ahead > (this.finSeen ? 1 : 0) && ahead < 0x40000000) {
      this.gapAt(`the capture is missing ${ahead} bytes that the peer acknowledged`);
    }
  }

  /** End of capture: anything still waiting behind a hole can never be delivered. */
  end(): void {
    if (this.finished) return;
    if (this.pending.length > 0 && this.consumer.wantsMore()) {
      const hole = (this.pending[0].seq - this.nextSeq) | 0;
      this.gapAt(`${hole} bytes never appeared in the capture`);
    }
    this.stop();
  }

  /** Stops delivering and frees held segments (also when the consumer is done). */
  stop(): void {
    this.finished = true;
    this.budget.release(this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
  }

  private gapAt(why: string): void {
    const at = this.delivered;
    this.stop();
    this.consumer.gap(at, why);
  }

  private hold(seq: number, rel: number, payload: Buffer, missing: number): void {
    if (this.delivered + rel >= this.maxBytes) return; // beyond what we would ever analyse
    if (payload.length === 0) {
      if (missing > 0) this.gapAt("a packet was cut short by the capture's snap length");
      return;
    }
    for (const p of this.pending) if (p.seq === seq && p.data.length >= payload.length) return; // duplicate
    if (!this.budget.take(payload.length)) {
      this.gapAt("too many out-of-order bytes to hold (buffer limit)");
      return;
    }
    // Copy: the view points into the reader's input chunk, which must not stay alive.
    const entry: Pending = { seq, data: Buffer.from(payload), missing };
    const i = this.pending.findIndex((p) => ((seq - p.seq) | 0) < 0);
    if (i < 0) this.pending.push(entry);
    else this.pending.splice(i, 0, entry);
    this.pendingBytes += payload.length;
  }

  private drainPending(): void {
    while (!this.finished && this.pending.length > 0) {
      const p = this.pending[0];
      const rel = (p.seq - this.nextSeq) | 0;
      if (rel > 0) return;
      this.pending.shift();
      this.pendingBytes -= p.data.length;
      this.budget.release(p.data.length);
      this.deliver(-rel, p.data, p.missing);
    }
  }

  /** Delivers `payload` minus the first `skip` bytes already delivered (retransmission/overlap). */
  private deliver(skip: number, payload: Buffer, missing: number): void {
    if (skip >= payload.length + missing) return; // wholly retransmitted
    if (skip < payload.length) {
      let data = skip > 0 ? payload.subarray(skip) : payload;
      const room = this.maxBytes - this.delivered;
      if (data.length > room) data = data.subarray(0, room);
      this.nextSeq = (this.nextSeq + data.length) >>> 0;
      this.delivered += data.length;
      this.consumer.data(data, skip === 0);
      if (this.delivered >= this.maxBytes) return this.stop();
    }
    if (missing > 0 && !this.finished) this.gapAt("a packet was cut short by the capture's snap length");
  }
}
