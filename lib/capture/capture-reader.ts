// The entry point: a push-based reader for one capture file. Feed it the file's bytes in any
// chunking (as a tar entry streams past) and call end() for the summary. It never needs the
// whole file, never throws for bad data, and keeps its memory bounded by the limits.
import { ByteBudget } from "./budget";
import { ByteQueue } from "./byte-queue";
import { sniffMagic, type ContainerContext, type ContainerParser } from "./container";
import { FlowTable } from "./flow-table";
import { resolveCaptureLimits, type CaptureLimits } from "./limits";
import { linkTypeName } from "./link-types";
import { NoteList } from "./notes";
import { PacketDecoder, type DecodeResult } from "./packet-decoder";
import { PcapParser } from "./pcap-parser";
import { PcapngParser } from "./pcapng-parser";
import { isoTime } from "./time";
import type { CaptureFormat, CaptureStats, CaptureSummary } from "./types";

export interface CaptureReaderOptions {
  /** the capture's name as it appears in the bundle; copied into every session */
  fileName: string;
  limits?: Partial<CaptureLimits>;
}

export interface CaptureReader {
  /** Feed the next bytes of the file. Never throws; ignored after end() or once the file is abandoned. */
  push(chunk: Uint8Array): void;
  /** No more bytes: report every connection and return the summary (idempotent). */
  end(): CaptureSummary;
  /** Live counters, e.g. to watch memory while streaming. */
  stats(): CaptureStats;
}

export function createCaptureReader(options: CaptureReaderOptions): CaptureReader {
  return new Reader(options.fileName, resolveCaptureLimits(options.limits));
}

class Reader implements CaptureReader {
  private readonly queue = new ByteQueue();
  private readonly notes: NoteList;
  private readonly budget: ByteBudget;
  private readonly flows: FlowTable;
  private readonly decoder = new PacketDecoder();
  private readonly ctx: ContainerContext;
  private parser: ContainerParser | null = null;
  private format: CaptureFormat = "unknown";
  private stopped = false;
  private summary: CaptureSummary | null = null;
  private packets = 0;
  private tcpPackets = 0;
  private firstMs = Infinity;
  private lastMs = -Infinity;

  constructor(
    private readonly fileName: string,
    private readonly limits: CaptureLimits,
  ) {
    this.notes = new NoteList(limits.maxNotes);
    this.budget = new ByteBudget(limits.maxBufferedBytes);
    this.flows = new FlowTable(fileName, limits, this.budget, this.notes);
    this.ctx = {
      fileName,
      notes: this.notes,
      maxPacketBytes: limits.maxPacketBytes,
      sink: (linkType, timeMs, data, origLen) => this.packet(linkType, timeMs, data, origLen),
      linkTypes: [],
    };
  }

  push(chunk: Uint8Array): void {
    if (this.summary || this.stopped || chunk.length === 0) return;
    try {
      this.queue.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (!this.parser && !this.start()) return;
      if (this.parser && !this.parser.drain(this.queue)) this.abandon();
    } catch (e) {
      this.notes.add(`${this.fileName}: reading stopped after an internal error (${(e as Error).message}).`);
      this.abandon();
    }
  }

  end(): CaptureSummary {
    if (this.summary) return this.summary;
    try {
      if (!this.stopped) {
        if (this.parser) this.parser.finish(this.queue);
        else if (this.queue.length > 0) this.notes.add(`${this.fileName}: not a pcap/pcapng file (too short).`);
        else this.notes.add(`${this.fileName}: the capture file is empty.`);
      }
      this.flows.closeAll();
    } catch (e) {
      this.notes.add(`${this.fileName}: an internal error cut the analysis short (${(e as Error).message}).`);
    }
    this.queue.clear();
    this.summary = {
      fileName: this.fileName,
      format: this.format,
      byteOrder: this.ctx.byteOrder,
      linkTypes: [...this.ctx.linkTypes],
      firstPacketTime: this.packets > 0 ? isoTime(this.firstMs) : undefined,
      lastPacketTime: this.packets > 0 ? isoTime(this.lastMs) : undefined,
      readToEnd: !this.stopped,
      tlsSessions: this.flows.sessions,
      stats: this.stats(),
      notes: this.notes.list(),
    };
    return this.summary;
  }

  stats(): CaptureStats {
    return {
      packets: this.packets,
      tcpPackets: this.tcpPackets,
      flows: this.flows.flowCount,
      queuedBytes: this.queue.length,
      bufferedBytes: this.budget.used,
      peakBufferedBytes: this.budget.peak,
      openFlows: this.flows.open,
      peakOpenFlows: this.flows.peakOpen,
    };
  }

  /** Picks the parser from the magic number once 4 bytes are in. */
  private start(): boolean {
    if (this.queue.length < 4) return false;
    const magic = sniffMagic(this.queue.peek(4));
    if (magic === "pcap") this.parser = new PcapParser(this.ctx);
    else if (magic === "pcapng") this.parser = new PcapngParser(this.ctx);
    if (this.parser) {
      this.format = magic as CaptureFormat;
      return true;
    }
    this.notes.add(
      magic === "gzip"
        ? `${this.fileName}: a gzip-compressed capture; not a pcap/pcapng file as stored, so it was not read.`
        : `${this.fileName}: not a pcap/pcapng file (unrecognised header); it was not read.`,
    );
    this.abandon();
    return false;
  }

  private abandon(): void {
    this.stopped = true;
    this.queue.clear();
  }

  private packet(linkType: number, timeMs: number, data: Buffer, origLen: number): void {
    this.packets++;
    if (timeMs < this.firstMs) this.firstMs = timeMs;
    if (timeMs > this.lastMs) this.lastMs = timeMs;
    let result: DecodeResult;
    try {
      result = this.decoder.decode(linkType, data, origLen);
      if (result === "tcp") {
        this.tcpPackets++;
        this.flows.segment(this.decoder.seg, timeMs);
        return;
      }
    } catch (e) {
      // One odd packet must not end the file; say so once.
      this.notes.count("packet-error", (n) => `${this.fileName}: ${n} packet(s) could not be processed (${(e as Error).message}).`);
      return;
    }
    this.countSkipped(result, linkType);
  }

  private countSkipped(result: DecodeResult, linkType: number): void {
    const f = this.fileName;
    switch (result) {
      case "unsupported-link":
        this.notes.count(`link-${linkType}`, (n) => `${f}: ${n} packet(s) of link type ${linkTypeName(linkType)} were skipped (not supported).`);
        break;
      case "fragment":
        this.notes.count("fragment", (n) => `${f}: ${n} IP fragment(s) were skipped (fragments are not reassembled).`);
        break;
      case "truncated":
        this.notes.count("truncated", (n) => `${f}: ${n} packet(s) were cut off before the end of their headers and were skipped.`);
        break;
      case "malformed":
        this.notes.count("malformed", (n) => `${f}: ${n} packet(s) had malformed IP/TCP headers and were skipped.`);
        break;
      default:
        break; // not IP / not TCP: ordinary, nothing to say
    }
  }
}
