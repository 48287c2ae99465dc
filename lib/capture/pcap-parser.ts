// Classic libpcap files: a 24-byte header (magic gives byte order and micro/nanosecond
// timestamps), then 16-byte record headers each followed by the captured bytes.
import type { ByteQueue } from "./byte-queue";
import { rememberLinkType, type ContainerContext, type ContainerParser } from "./container";

export class PcapParser implements ContainerParser {
  private headerRead = false;
  private little = true;
  private nanos = false;
  private linkType = 0;

  constructor(private readonly ctx: ContainerContext) {}

  drain(q: ByteQueue): boolean {
    if (!this.headerRead) {
      if (q.length < 24) return true;
      const h = q.peek(24);
      const magicBe = h.readUInt32BE(0);
      this.little = magicBe === 0xd4c3b2a1 || magicBe === 0x4d3cb2a1;
      this.nanos = magicBe === 0xa1b23c4d || magicBe === 0x4d3cb2a1;
      const u32 = (o: number) => (this.little ? h.readUInt32LE(o) : h.readUInt32BE(o));
      // The top bits of the link-type field may carry FCS information; the type is the low 16.
      this.linkType = u32(20) & 0xffff;
      this.ctx.byteOrder = this.little ? "little" : "big";
      rememberLinkType(this.ctx, this.linkType);
      q.skip(24);
      this.headerRead = true;
    }
    while (q.length >= 16) {
      const h = q.peek(16);
      const sec = this.little ? h.readUInt32LE(0) : h.readUInt32BE(0);
      const frac = this.little ? h.readUInt32LE(4) : h.readUInt32BE(4);
      const capLen = this.little ? h.readUInt32LE(8) : h.readUInt32BE(8);
      const origLen = this.little ? h.readUInt32LE(12) : h.readUInt32BE(12);
      if (capLen > this.ctx.maxPacketBytes) {
        // A lying header: trusting it would mean buffering megabytes or desynchronising.
        this.ctx.notes.add(
          `${this.ctx.fileName}: a packet record claims ${capLen} captured bytes (limit ${this.ctx.maxPacketBytes}); the file is corrupt from there and the rest was not read.`,
        );
        return false;
      }
      if (q.length < 16 + capLen) return true;
      const data = q.peek(16 + capLen).subarray(16);
      const timeMs = sec * 1000 + (this.nanos ? frac / 1e6 : frac / 1e3);
      this.ctx.sink(this.linkType, timeMs, data, Math.max(origLen, capLen));
      q.skip(16 + capLen);
    }
    return true;
  }

  finish(q: ByteQueue): void {
    if (!this.headerRead) {
      this.ctx.notes.add(`${this.ctx.fileName}: the capture ends inside its file header.`);
    } else if (q.length > 0) {
      this.ctx.notes.add(`${this.ctx.fileName}: the capture is cut off: the last packet is incomplete (${q.length} bytes left over).`);
    }
  }
}
