// TCP connections by address/port pair. Each flow feeds its two directions through reassembly
// into a TLS session; a flow is reported and forgotten when it closes, when the table needs
// room and the flow has nothing left to parse, or at the end of the file.
import type { ByteBudget } from "./budget";
import type { CaptureLimits } from "./limits";
import type { NoteList } from "./notes";
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN, type TcpSegment } from "./packet-decoder";
import { TcpStream } from "./tcp-stream";
import { TlsSession } from "./tls-session";
import type { Endpoint, TlsSessionReport } from "./types";

class Flow {
  readonly streams: [TcpStream, TcpStream];
  synFrom: number | undefined;
  finFrom = [false, false];
  lastMs: number;

  constructor(
    readonly ends: [Endpoint, Endpoint],
    readonly tls: TlsSession,
    readonly firstMs: number,
    budget: ByteBudget,
    maxStream: number,
  ) {
    this.lastMs = firstMs;
    this.streams = [
      new TcpStream(tls.directions[0], budget, maxStream),
      new TcpStream(tls.directions[1], budget, maxStream),
    ];
  }

  get bufferedBytes(): number {
    return this.streams[0].bufferedBytes + this.streams[1].bufferedBytes;
  }

  get carriedData(): boolean {
    return this.finFrom[0] || this.finFrom[1] || this.streams[0].deliveredBytes > 0 || this.streams[1].deliveredBytes > 0;
  }
}

export class FlowTable {
  private readonly flows = new Map<string, Flow>();
  private readonly certs = new Map<string, Buffer>();
  readonly sessions: TlsSessionReport[] = [];
  flowCount = 0;
  peakOpen = 0;
  private droppedFlows = 0;
  private droppedSessions = 0;
  /** new-flow attempts to let pass before sweeping a full table again */
  private sweepBackoff = 0;

  constructor(
    private readonly fileName: string,
    private readonly limits: CaptureLimits,
    private readonly budget: ByteBudget,
    private readonly notes: NoteList,
  ) {}

  get open(): number {
    return this.flows.size;
  }

  segment(seg: TcpSegment, timeMs: number): void {
    const forward = seg.src < seg.dst || (seg.src === seg.dst && seg.srcPort <= seg.dstPort);
    const key = forward
      ? `${seg.src}|${seg.srcPort}|${seg.dst}|${seg.dstPort}`
      : `${seg.dst}|${seg.dstPort}|${seg.src}|${seg.srcPort}`;
    const syn = (seg.flags & TCP_SYN) !== 0;
    const ack = (seg.flags & TCP_ACK) !== 0;
    let flow = this.flows.get(key);
    if (flow && syn && !ack && flow.carriedData) {
      // A fresh SYN after data: the same ports reused for a new connection (the old one's
      // FIN may never have been captured). A retransmitted SYN comes before any data.
      this.close(key, flow);
      flow = undefined;
    }
    if (!flow) {
      // A lone ACK/FIN/RST tells us nothing; only a SYN or data starts tracking.
      if (!syn && seg.payload.length === 0 && seg.missing === 0) return;
      flow = this.create(key, seg, timeMs);
      if (!flow) return;
    }
    const dir = flow.ends[0].port === seg.srcPort && flow.ends[0].ip === seg.src ? 0 : 1;
    flow.lastMs = timeMs;
    flow.tls.nowMs = timeMs;
    const stream = flow.streams[dir];
    if (syn) {
      stream.syn(seg.seq);
      if (!ack) flow.synFrom = dir;
      else if (flow.synFrom === undefined) flow.synFrom = 1 - dir;
    } else {
      stream.segment(seg.seq, seg.payload, seg.missing);
    }
    if (ack) flow.streams[1 - dir].acked(seg.ack);
    if (seg.flags & TCP_FIN) {
      stream.fin();
      flow.finFrom[dir] = true;
    }
    if (seg.flags & TCP_RST || (flow.finFrom[0] && flow.finFrom[1])) this.close(key, flow);
  }

  /** End of file: every open flow is reported. */
  closeAll(): void {
    for (const [key, flow] of this.flows) this.close(key, flow);
    if (this.droppedFlows > 0) {
      this.notes.add(
        `${this.fileName}: ${this.droppedFlows} connections were not analysed because ${this.limits.maxFlows} were already being tracked.`,
      );
    }
    if (this.droppedSessions > 0) {
      this.notes.add(`${this.fileName}: ${this.droppedSessions} more TLS sessions were found but not listed (limit ${this.limits.maxSessions}).`);
    }
  }

  bufferedBytes(): number {
    let n = 0;
    for (const f of this.flows.values()) n += f.bufferedBytes;
    return n;
  }

  private create(key: string, seg: TcpSegment, timeMs: number): Flow | undefined {
    if (this.flows.size >= this.limits.maxFlows && !this.makeRoom()) {
      this.droppedFlows++;
      return undefined;
    }
    const ends: [Endpoint, Endpoint] = [
      { ip: seg.src, port: seg.srcPort },
      { ip: seg.dst, port: seg.dstPort },
    ];
    const tls = new TlsSession(this.budget, this.limits, this.intern);
    const flow = new Flow(ends, tls, timeMs, this.budget, this.limits.maxStreamBytesPerDirection);
    this.flows.set(key, flow);
    this.flowCount++;
    if (this.flows.size > this.peakOpen) this.peakOpen = this.flows.size;
    return flow;
  }

  /** Reports and forgets flows with nothing left to parse. Backs off when that frees little. */
  private makeRoom(): boolean {
    if (this.sweepBackoff > 0) {
      this.sweepBackoff--;
      return false;
    }
    for (const [key, flow] of this.flows) if (flow.tls.idle) this.close(key, flow);
    const freed = this.flows.size < this.limits.maxFlows * 0.9;
    if (!freed) this.sweepBackoff = 1000;
    return this.flows.size < this.limits.maxFlows;
  }

  private close(key: string, flow: Flow): void {
    this.flows.delete(key);
    flow.streams[0].end();
    flow.streams[1].end();
    const report = flow.tls.report({
      captureFile: this.fileName,
      ends: flow.ends,
      firstMs: flow.firstMs,
      lastMs: flow.lastMs,
      synFrom: flow.synFrom,
    });
    flow.tls.directions[0].finish();
    flow.tls.directions[1].finish();
    if (!report) return;
    if (this.sessions.length < this.limits.maxSessions) this.sessions.push(report);
    else this.droppedSessions++;
  }

  /**
   * The same certificate shows up in every connection to a server; keep one copy per distinct
   * DER so thousands of sessions do not hold thousands of copies.
   */
  private readonly intern = (der: Buffer): Buffer => {
    const key = der.toString("base64");
    const known = this.certs.get(key);
    if (known) return known;
    if (this.certs.size < 10_000) this.certs.set(key, der);
    return der;
  };
}
