// pcapng: a sequence of blocks (type, length, body, length again). Section headers fix the byte
// order; interface blocks give link type and timestamp resolution; packets arrive in enhanced,
// simple or (obsolete) packet blocks. Everything else is skipped without buffering it.
import type { ByteQueue } from "./byte-queue";
import { rememberLinkType, type ContainerContext, type ContainerParser } from "./container";

const SHB = 0x0a0d0d0a;
const IDB = 1;
const OLD_PB = 2;
const SPB = 3;
const EPB = 6;
/** Non-packet blocks we never parse are skipped as they stream past; beyond this they are implausible. */
const MAX_SKIPPED_BLOCK = 64 * 1024 * 1024;
/** Section and interface headers only carry options; far smaller than this in practice. */
const MAX_HEADER_BLOCK = 1024 * 1024;
/** Room for a packet block's fixed fields and options around the packet bytes. */
const PACKET_BLOCK_SLACK = 64 * 1024;

interface Iface {
  linkType: number;
  snapLen: number;
  /** timestamp units per second (if_tsresol) */
  unitsPerSecond: number;
  offsetMs: number;
}

export class PcapngParser implements ContainerParser {
  private little = true;
  private sectionSeen = false;
  private ifaces: Iface[] = [];
  private skipLeft = 0;
  private lastTimeMs = 0;

  constructor(private readonly ctx: ContainerContext) {}

  drain(q: ByteQueue): boolean {
    for (;;) {
      if (this.skipLeft > 0) {
        this.skipLeft -= q.skip(this.skipLeft);
        if (this.skipLeft > 0) return true;
      }
      if (q.length < 12) return true;
      const head = q.peek(12);
      let type = this.little ? head.readUInt32LE(0) : head.readUInt32BE(0);
      if (head.readUInt32BE(0) === SHB) {
        // The byte-order magic decides how to read everything in this section, including its length.
        const bom = head.readUInt32LE(8);
        if (bom === 0x1a2b3c4d) this.little = true;
        else if (bom === 0x4d3c2b1a) this.little = false;
        else return this.corrupt("a section header has an unknown byte-order magic");
        type = SHB;
        this.ctx.byteOrder = this.little ? "little" : "big";
      } else if (!this.sectionSeen) {
        return this.corrupt("the first block is not a section header");
      }
      const len = this.little ? head.readUInt32LE(4) : head.readUInt32BE(4);
      if (len < 12 || len % 4 !== 0) return this.corrupt(`a block has an impossible length (${len})`);

      const isPacket = type === EPB || type === SPB || type === OLD_PB;
      if (!isPacket && type !== SHB && type !== IDB) {
        if (len > MAX_SKIPPED_BLOCK) return this.corrupt(`a block claims ${len} bytes`);
        this.skipLeft = len;
        continue;
      }
      const limit = isPacket ? this.ctx.maxPacketBytes + PACKET_BLOCK_SLACK : MAX_HEADER_BLOCK;
      if (len > limit) {
        return this.corrupt(
          isPacket
            ? `a packet block claims ${len} bytes (packet limit ${this.ctx.maxPacketBytes})`
            : `a header block claims ${len} bytes`,
        );
      }
      if (q.length < len) return true;
      const block = q.peek(len);
      const trailer = this.little ? block.readUInt32LE(len - 4) : block.readUInt32BE(len - 4);
      if (trailer !== len) return this.corrupt("a block's trailing length does not match its header");
      const ok = type === SHB ? this.section(block) : type === IDB ? this.iface(block) : this.packet(type, block);
      q.skip(len);
      if (!ok) return false;
    }
  }

  finish(q: ByteQueue): void {
    if (this.skipLeft > 0 || q.length > 0) {
      this.ctx.notes.add(`${this.ctx.fileName}: the capture is cut off: the last block is incomplete.`);
    }
  }

  private u32(b: Buffer, o: number): number {
    return this.little ? b.readUInt32LE(o) : b.readUInt32BE(o);
  }

  private u16(b: Buffer, o: number): number {
    return this.little ? b.readUInt16LE(o) : b.readUInt16BE(o);
  }

  private corrupt(why: string): false {
    this.ctx.notes.add(`${this.ctx.fileName}: not a valid pcapng file from here on (${why}); the rest was not read.`);
    return false;
  }

  private section(block: Buffer): boolean {
    if (block.length < 28) return this.corrupt("a section header is too short");
    const major = this.u16(block, 12);
    if (major !== 1) return this.corrupt(`unsupported pcapng version ${major}`);
    this.sectionSeen = true;
    this.ifaces = []; // interface ids are per section
    return true;
  }

  private iface(block: Buffer): boolean {
    if (block.length < 20) return this.corrupt("an interface block is too short");
    const iface: Iface = { linkType: this.u16(block, 8), snapLen: this.u32(block, 12), unitsPerSecond: 1e6, offsetMs: 0 };
    // Options: code(2) length(2) value padded to 4, up to the trailing length.
    for (let o = 16; o + 4 <= block.length - 4; ) {
      const code = this.u16(block, o);
      const olen = this.u16(block, o + 2);
      if (code === 0 || o + 4 + olen > block.length - 4) break;
      if (code === 9 && olen >= 1) {
        const r = block[o + 4];
        const exp = r & 0x7f;
        iface.unitsPerSecond = r & 0x80 ? 2 ** exp : 10 ** exp;
      } else if (code === 14 && olen >= 8) {
        const hi = this.u32(block, o + 4 + (this.little ? 4 : 0));
        const lo = this.u32(block, o + 4 + (this.little ? 0 : 4));
        iface.offsetMs = (hi * 2 ** 32 + lo) * 1000;
      }
      o += 4 + ((olen + 3) & ~3);
    }
    if (!(iface.unitsPerSecond >= 1 && Number.isFinite(iface.unitsPerSecond))) iface.unitsPerSecond = 1e6;
    if (this.ifaces.length < 4096) this.ifaces.push(iface);
    rememberLinkType(this.ctx, iface.linkType);
    return true;
  }

  private packet(type: number, block: Buffer): boolean {
    const end = block.length - 4;
    let ifId: number;
    let capLen: number;
    let origLen: number;
    let dataAt: number;
    let timeMs = this.lastTimeMs; // simple packet blocks carry no timestamp
    if (type === SPB) {
      if (block.length < 16) return this.corrupt("a simple packet block is too short");
      ifId = 0;
      origLen = this.u32(block, 8);
      dataAt = 12;
      const snap = this.ifaces[0]?.snapLen || Infinity;
      capLen = Math.min(origLen, end - dataAt, snap);
    } else {
      if (block.length < 32) return this.corrupt("a packet block is too short");
      ifId = type === EPB ? this.u32(block, 8) : this.u16(block, 8);
      const iface = this.ifaces[ifId];
      capLen = this.u32(block, 20);
      origLen = this.u32(block, 24);
      dataAt = 28;
      if (iface) timeMs = ((this.u32(block, 12) * 2 ** 32 + this.u32(block, 16)) / iface.unitsPerSecond) * 1000 + iface.offsetMs;
    }
    if (capLen > this.ctx.maxPacketBytes) {
      return this.corrupt(`a packet claims ${capLen} captured bytes (limit ${this.ctx.maxPacketBytes})`);
    }
    if (dataAt + capLen > end) return this.corrupt("a packet runs past the end of its block");
    const iface = this.ifaces[ifId];
    if (!iface) {
      this.ctx.notes.count("pcapng-no-iface", (n) => `${this.ctx.fileName}: ${n} packet(s) name an interface that was never described; skipped.`);
      return true;
    }
    this.lastTimeMs = timeMs;
    this.ctx.sink(iface.linkType, timeMs, block.subarray(dataAt, dataAt + capLen), Math.max(origLen, capLen));
    return true;
  }
}
