// A tiny, bounds-checked DER walker: just enough of X.509 to reach the signature algorithm and
// the extensions Node's X509Certificate does not expose as data (SAN entries, SKI, AKI).

export interface Tlv {
  tag: number;
  /** content start and end offsets in the buffer */
  start: number;
  end: number;
}

export class DerError extends Error {}

export function readTlv(b: Buffer, off: number, limit = b.length): Tlv {
  if (off + 2 > limit) throw new DerError("truncated");
  const tag = b[off];
  if ((tag & 0x1f) === 0x1f) throw new DerError("multi-byte tags are not used in X.509");
  let len = b[off + 1];
  let p = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) throw new DerError("bad length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i];
    p += n;
  }
  if (p + len > limit) throw new DerError("length past end");
  return { tag, start: p, end: p + len };
}

/** The children of a constructed value. */
export function children(b: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let p = parent.start; p < parent.end; ) {
    const t = readTlv(b, p, parent.end);
    out.push(t);
    p = t.end;
  }
  return out;
}

export function oidText(b: Buffer, t: Tlv): string {
  if (t.tag !== 0x06 || t.end <= t.start) throw new DerError("not an OID");
  const first = b[t.start];
  const parts: number[] = [Math.min(2, Math.floor(first / 40)), first >= 80 ? first - 80 : first % 40];
  let v = 0;
  for (let p = t.start + 1; p < t.end; p++) {
    v = v * 128 + (b[p] & 0x7f);
    if ((b[p] & 0x80) === 0) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

export interface CertificateParts {
  signatureAlgorithmOid: string;
  /** extension OID -> its extnValue contents (the inner DER) */
  extensions: Map<string, Buffer>;
}

/** Splits a certificate into what certificate.ts needs; throws DerError on malformed input. */
export function certificateParts(der: Buffer): CertificateParts {
  const cert = readTlv(der, 0);
  const [tbs, sigAlg] = children(der, cert);
  if (!tbs || !sigAlg || tbs.tag !== 0x30 || sigAlg.tag !== 0x30) throw new DerError("not a certificate");
  const signatureAlgorithmOid = oidText(der, children(der, sigAlg)[0]);
  const extensions = new Map<string, Buffer>();
  const explicitExtensions = children(der, tbs).find((t) => t.tag === 0xa3);
  if (explicitExtensions) {
    const list = children(der, explicitExtensions)[0];
    for (const ext of list ? children(der, list) : []) {
      const parts = children(der, ext);
      const oid = oidText(der, parts[0]);
      const value = parts[parts.length - 1];
      if (value.tag === 0x04) extensions.set(oid, der.subarray(value.start, value.end));
    }
  }
  return { signatureAlgorithmOid, extensions };
}
