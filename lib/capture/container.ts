// What the pcap and pcapng parsers share: where packets go, and how a file is recognised.
import type { ByteQueue } from "./byte-queue";
import type { NoteList } from "./notes";

/** Receives each captured packet. `data` is a view valid only during the call: copy to keep. */
export type PacketSink = (linkType: number, timeMs: number, data: Buffer, origLen: number) => void;

export interface ContainerContext {
  fileName: string;
  notes: NoteList;
  maxPacketBytes: number;
  sink: PacketSink;
  /** link types seen, in first-seen order */
  linkTypes: number[];
  byteOrder?: "little" | "big";
}

export interface ContainerParser {
  /** Consumes what it can; false once the rest of the file must be ignored (a note says why). */
  drain(queue: ByteQueue): boolean;
  /** End of data: note a cut-off record. */
  finish(queue: ByteQueue): void;
}

export type Magic = "pcap" | "pcapng" | "gzip" | "unknown";

/** Recognises a capture from its first 4 bytes (both byte orders, micro- and nanosecond pcap). */
export function sniffMagic(head: Buffer): Magic {
  const be = head.readUInt32BE(0);
  if (be === 0xa1b2c3d4 || be === 0xd4c3b2a1 || be === 0xa1b23c4d || be === 0x4d3cb2a1) return "pcap";
  if (be === 0x0a0d0d0a) return "pcapng";
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  return "unknown";
}

export function rememberLinkType(ctx: ContainerContext, linkType: number): void {
  if (!ctx.linkTypes.includes(linkType) && ctx.linkTypes.length < 64) ctx.linkTypes.push(linkType);
}
