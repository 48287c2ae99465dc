// One direction of a TCP connection read as TLS: recognises the first record (or a STARTTLS
// switch after some plaintext), joins records that span segments and handshake messages that
// span records, and hands plaintext messages to the session. Stops for good once the direction
// is encrypted, turns out not to be TLS, or loses bytes, and then holds no memory.
import { Accumulator, type ByteBudget } from "./budget";
import type { StreamConsumer } from "./tcp-stream";

const CT_CHANGE_CIPHER_SPEC = 20;
const CT_ALERT = 21;
const CT_HANDSHAKE = 22;
const CT_APPLICATION_DATA = 23;
const CT_HEARTBEAT = 24;
/** 2^14 plaintext plus the most expansion any record protection may add (RFC 8446 5.2). */
const MAX_RECORD = 16384 + 2048;

/** What a direction reports to its session. `dir` is 0 or 1 (which end sent it). */
export interface TlsDirectionHost {
  recognized(dir: number, startTls: boolean): void;
  handshake(dir: number, type: number, body: Buffer): void;
  alert(dir: number, level: number, description: number): void;
  /** true to keep reading after a ChangeCipherSpec (TLS 1.3 sends a dummy one) */
  changeCipherSpec(dir: number): boolean;
  trouble(dir: number, what: string): void;
}

type State = "detect" | "probe" | "tls" | "done";

export class TlsDirection implements StreamConsumer {
  private state: State = "detect";
  private readonly record: Accumulator;
  private readonly message: Accumulator;
  private probed = 0;
  private everTls = false;
  /** bytes seen so far in this direction (for notes) */
  private seen = 0;

  constructor(
    private readonly host: TlsDirectionHost,
    private readonly dir: number,
    budget: ByteBudget,
    private readonly maxHandshakeMessage: number,
    private readonly maxProbe: number,
  ) {
    this.record = new Accumulator(budget, 5 + MAX_RECORD);
    this.message = new Accumulator(budget, maxHandshakeMessage);
  }

  /** this direction carried TLS at some point */
  get wasTls(): boolean {
    return this.everTls;
  }

  /** bytes held for a record still arriving (at end of capture: the handshake was cut off) */
  get partialBytes(): number {
    return this.record.length + this.message.length;
  }


  wantsMore(): boolean {
    return this.state !== "done";
  }

  gap(at: number, why: string): void {
    if (this.state === "tls" || (this.state === "detect" && at > 0)) {
      this.host.trouble(this.dir, `${why} after ${at} bytes; the rest of this direction was not parsed`);
    }
    this.finish();
  }

  data(chunk: Buffer, segmentStart: boolean): void {
    this.seen += chunk.length;
    if (this.state === "detect") return this.detect(chunk);
    if (this.state === "probe") return this.probe(chunk, segmentStart);
    if (this.state === "tls") this.records(chunk);
  }

  /** Stop reading and free what is held. */
  finish(): void {
    this.state = "done";
    this.record.reset();
    this.message.reset();
  }

  private detect(chunk: Buffer): void {
    if (this.record.length === 0 && chunk.length >= 6) {
      if (!looksLikeTlsStart(chunk)) return this.notTlsYet();
      this.enterTls(false);
      return this.records(chunk);
    }
    // The first 6 bytes decide; they may arrive a byte at a time.
    const taken = Math.min(6 - this.record.length, chunk.length);
    if (!this.record.append(chunk.subarray(0, taken))) return this.finish();
    if (this.record.length < 6) return;
    const head = Buffer.from(this.record.view());
    this.record.reset();
    if (!looksLikeTlsStart(head)) return this.notTlsYet();
    this.enterTls(false);
    this.records(head);
    if (this.state === "tls") this.records(chunk.subarray(taken));
  }

  private notTlsYet(): void {
    this.state = "probe";
    this.probed = this.seen;
    if (this.probed > this.maxProbe) this.finish();
  }

  private probe(chunk: Buffer, segmentStart: boolean): void {
    // After STARTTLS the handshake begins in a fresh segment; only look there.
    if (segmentStart && chunk.length >= 6 && looksLikeTlsStart(chunk)) {
      this.enterTls(true);
      this.records(chunk);
      return;
    }
    this.probed += chunk.length;
    if (this.probed > this.maxProbe) this.finish();
  }

  private enterTls(startTls: boolean): void {
    this.state = "tls";
    this.everTls = true;
    this.host.recognized(this.dir, startTls);
  }

  private records(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length && this.state === "tls") {
      if (this.record.length > 0) {
        // Complete the header, then the body, of a record that started in an earlier segment.
        const have = this.record.length;
        let need = 5 - have;
        if (need <= 0) {
          const len = recordLength(this.record.view());
          if (len < 0) return this.malformed();
          need = 5 + len - have;
        }
        const take = Math.min(need, chunk.length - pos);
        if (!this.record.append(chunk.subarray(pos, pos + take))) return this.overflow();
        pos += take;
        const joined = this.record.view();
        if (joined.length >= 5) {
          const len = recordLength(joined);
          if (len < 0) return this.malformed();
          if (joined.length === 5 + len) {
            this.handleRecord(joined[0], joined.subarray(5));
            this.record.reset();
          }
        }
        continue;
      }
      const rest = chunk.length - pos;
      if (rest < 5) {
        if (!this.record.append(chunk.subarray(pos))) this.overflow();
        return;
      }
      const len = recordLength(chunk.subarray(pos, pos + 5));
      if (len < 0) return this.malformed();
      if (rest < 5 + len) {
        if (!this.record.append(chunk.subarray(pos))) this.overflow();
        return;
      }
      this.handleRecord(chunk[pos], chunk.subarray(pos + 5, pos + 5 + len));
      pos += 5 + len;
    }
  }

  private handleRecord(type: number, body: Buffer): void {
    switch (type) {
      case CT_HANDSHAKE:
        return this.handshakeBytes(body);
      case CT_ALERT:
        for (let i = 0; i + 1 < body.length; i += 2) this.host.alert(this.dir, body[i], body[i + 1]);
        return;
      case CT_CHANGE_CIPHER_SPEC:
        if (!this.host.changeCipherSpec(this.dir)) this.finish();
        return;
      case CT_APPLICATION_DATA:
        // Encrypted from here on (TLS 1.3 handshake, or application data).
        return this.finish();
      case CT_HEARTBEAT:
        return;
    }
  }

  private handshakeBytes(body: Buffer): void {
    let pos = 0;
    while (pos < body.length && this.state === "tls") {
      if (this.message.length > 0) {
        const have = this.message.length;
        let need = 4 - have;
        if (need <= 0) need = 4 + this.message.view().readUIntBE(1, 3) - have;
        const take = Math.min(need, body.length - pos);
        if (!this.message.append(body.subarray(pos, pos + take))) return this.overflow();
        pos += take;
        const joined = this.message.view();
        if (joined.length >= 4) {
          const len = joined.readUIntBE(1, 3);
          if (4 + len > this.maxHandshakeMessage) return this.tooBig(len);
          if (joined.length === 4 + len) {
            this.host.handshake(this.dir, joined[0], joined.subarray(4));
            this.message.reset();
          }
        }
        continue;
      }
      const rest = body.length - pos;
      if (rest >= 4) {
        const len = body.readUIntBE(pos + 1, 3);
        if (4 + len > this.maxHandshakeMessage) return this.tooBig(len);
        if (rest >= 4 + len) {
          this.host.handshake(this.dir, body[pos], body.subarray(pos + 4, pos + 4 + len));
          pos += 4 + len;
          continue;
        }
      }
      if (!this.message.append(body.subarray(pos))) this.overflow();
      return;
    }
  }

  private malformed(): void {
    this.host.trouble(this.dir, `malformed TLS record after ${this.seen} bytes; the rest of this direction was not parsed`);
    this.finish();
  }

  private overflow(): void {
    this.host.trouble(this.dir, "TLS data could not be buffered (memory limit); the rest of this direction was not parsed");
    this.finish();
  }

  private tooBig(len: number): void {
    this.host.trouble(this.dir, `a TLS handshake message of ${len} bytes is larger than the limit; not parsed`);
    this.finish();
  }
}

/** Record body length when the 5-byte header is plausible TLS, else -1. */
function recordLength(h: Buffer): number {
  const type = h[0];
  if (type < CT_CHANGE_CIPHER_SPEC || type > CT_HEARTBEAT || h[1] !== 3 || h[2] > 4) return -1;
  const len = h.readUInt16BE(3);
  return len > MAX_RECORD ? -1 : len;
}

/** A handshake record carrying a ClientHello/ServerHello, or a lone alert record. */
function looksLikeTlsStart(h: Buffer): boolean {
  const len = recordLength(h);
  if (len < 0) return false;
  if (h[0] === CT_HANDSHAKE) return len >= 4 && (h[5] === 1 || h[5] === 2);
  return h[0] === CT_ALERT && len === 2;
}
