// From a link-layer frame to a TCP segment: link header (Ethernet with VLAN tags, Linux cooked
// v1/v2, raw IP, BSD loopback), IPv4 (options; fragments skipped) or IPv6 (extension headers
// walked), then the TCP header. Fills one reused object so the per-packet path allocates only
// the address strings.
import { ipv4Text, ipv6Text } from "./ip-address";

export interface TcpSegment {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  /** payload bytes that were captured (a view into the frame) */
  payload: Buffer;
  /** payload bytes the IP header promises but the capture cut off (snap length) */
  missing: number;
}

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_ACK = 0x10;

export type DecodeResult =
  | "tcp"
  | "not-ip"
  | "not-tcp"
  | "fragment"
  | "truncated"
  | "malformed"
  | "unsupported-link";

const ETH_IPV4 = 0x0800;
const ETH_IPV6 = 0x86dd;
const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100, 0x9200]);
const EMPTY = Buffer.alloc(0);

export class PacketDecoder {
  readonly seg: TcpSegment = { src: "", dst: "", srcPort: 0, dstPort: 0, seq: 0, ack: 0, flags: 0, payload: EMPTY, missing: 0 };

  /** `origLen` is the on-the-wire length, used only to tell a cut-off packet from a short one. */
  decode(linkType: number, frame: Buffer, origLen: number): DecodeResult {
    let off: number;
    let etherType: number;
    switch (linkType) {
      case 1: {
        // Ethernet: skip any number of 802.1Q / QinQ tags.
        if (frame.length < 14) return "truncated";
        off = 12;
        etherType = frame.readUInt16BE(off);
        let tags = 0;
        while (VLAN_TAGS.has(etherType) && tags++ < 8) {
          off += 4;
          if (frame.length < off + 2) return "truncated";
          etherType = frame.readUInt16BE(off);
        }
        off += 2;
        break;
      }
      case 113: // Linux cooked v1: protocol at 14
        if (frame.length < 16) return "truncated";
        etherType = frame.readUInt16BE(14);
        off = 16;
        break;
      case 276: // Linux cooked v2: protocol first
        if (frame.length < 20) return "truncated";
        etherType = frame.readUInt16BE(0);
        off = 20;
        break;
      case 101: // raw IP (LINKTYPE_RAW), and the DLT_RAW values older tools wrote
      case 12:
      case 14:
        off = 0;
        etherType = versionToEtherType(frame, 0);
        break;
      case 228:
        off = 0;
        etherType = ETH_IPV4;
        break;
      case 229:
        off = 0;
        etherType = ETH_IPV6;
        break;
      case 0: // BSD NULL: address family in the writer's byte order
      case 108: {
        // LOOP: the same family, always big-endian
        if (frame.length < 4) return "truncated";
        let family = linkType === 108 ? frame.readUInt32BE(0) : frame.readUInt32LE(0);
        if (family > 0xffff) family = frame.readUInt32BE(0);
        off = 4;
        etherType = family === 2 ? ETH_IPV4 : family === 10 || family === 24 || family === 28 || family === 30 ? ETH_IPV6 : versionToEtherType(frame, 4);
        break;
      }
      default:
        return "unsupported-link";
    }
    if (etherType === ETH_IPV4) return this.ipv4(frame, off, origLen);
    if (etherType === ETH_IPV6) return this.ipv6(frame, off, origLen);
    return "not-ip";
  }

  private ipv4(f: Buffer, o: number, origLen: number): DecodeResult {
    if (f.length < o + 20) return "truncated";
    if (f[o] >> 4 !== 4) return "malformed";
    const ihl = (f[o] & 0x0f) * 4;
    if (ihl < 20) return "malformed";
    const fragment = f.readUInt16BE(o + 6);
    if ((fragment & 0x2000) !== 0 || (fragment & 0x1fff) !== 0) return "fragment";
    if (f[o + 9] !== 6) return "not-tcp";
    if (f.length < o + ihl) return "truncated";
    const total = f.readUInt16BE(o + 2);
    // Total length 0 appears with TCP segmentation offload: trust the frame instead.
    const ipEnd = total === 0 ? Math.max(f.length, origLen) : o + total;
    this.seg.src = ipv4Text(f, o + 12);
    this.seg.dst = ipv4Text(f, o + 16);
    return this.tcp(f, o + ihl, ipEnd, origLen);
  }

  private ipv6(f: Buffer, o: number, origLen: number): DecodeResult {
    if (f.length < o + 40) return "truncated";
    if (f[o] >> 4 !== 6) return "malformed";
    const payloadLen = f.readUInt16BE(o + 4);
    let next = f[o + 6];
    // Payload length 0 means a jumbogram or offload: trust the frame.
    const ipEnd = payloadLen === 0 ? Math.max(f.length, origLen) : o + 40 + payloadLen;
    let p = o + 40;
    for (let hops = 0; next !== 6; hops++) {
      if (hops > 8) return "malformed";
      if (next === 0 || next === 43 || next === 60) {
        // hop-by-hop, routing, destination options: length in 8-octet units beyond the first 8
        if (f.length < p + 2) return "truncated";
        next = f[p];
        p += (f[p + 1] + 1) * 8;
      } else if (next === 44) {
        // fragment header: only an atomic fragment (offset 0, no more) is a whole packet
        if (f.length < p + 8) return "truncated";
        const fo = f.readUInt16BE(p + 2);
        if ((fo & 0xfff8) !== 0 || (fo & 1) !== 0) return "fragment";
        next = f[p];
        p += 8;
      } else if (next === 51) {
        // authentication header: length in 4-octet units minus 2
        if (f.length < p + 2) return "truncated";
        next = f[p];
        p += (f[p + 1] + 2) * 4;
      } else {
        return "not-tcp"; // ESP, no-next-header, ICMPv6, UDP, ...
      }
    }
    this.seg.src = ipv6Text(f, o + 8);
    this.seg.dst = ipv6Text(f, o + 24);
    return this.tcp(f, p, ipEnd, origLen);
  }

  private tcp(f: Buffer, o: number, ipEnd: number, origLen: number): DecodeResult {
    if (f.length < o + 20) return "truncated";
    const dataOff = (f[o + 12] >> 4) * 4;
    if (dataOff < 20 || o + dataOff > ipEnd) return "malformed";
    if (f.length < o + dataOff) return "truncated";
    const s = this.seg;
    s.srcPort = f.readUInt16BE(o);
    s.dstPort = f.readUInt16BE(o + 2);
    s.seq = f.readUInt32BE(o + 4);
    s.ack = f.readUInt32BE(o + 8);
    s.flags = f[o + 13];
    const start = o + dataOff;
    // Ethernet pads short frames: the IP length, not the frame, ends the payload.
    const capturedEnd = Math.min(ipEnd, f.length);
    s.payload = capturedEnd > start ? f.subarray(start, capturedEnd) : EMPTY;
    s.missing = f.length < origLen ? Math.max(0, ipEnd - Math.max(capturedEnd, start)) : 0;
    return "tcp";
  }
}

function versionToEtherType(f: Buffer, o: number): number {
  if (f.length <= o) return 0;
  const v = f[o] >> 4;
  return v === 4 ? ETH_IPV4 : v === 6 ? ETH_IPV6 : 0;
}
