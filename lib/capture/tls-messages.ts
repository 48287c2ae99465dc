// Decoding of the plaintext handshake messages we care about. Every read is bounds-checked by a
// tiny cursor; a malformed message makes the function return null instead of throwing.

class Cursor {
  constructor(
    private readonly b: Buffer,
    public pos = 0,
    private readonly end = b.length,
  ) {}

  get left(): number {
    return this.end - this.pos;
  }

  u8(): number {
    this.need(1);
    return this.b[this.pos++];
  }

  u16(): number {
    this.need(2);
    const v = this.b.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  u24(): number {
    this.need(3);
    const v = this.b.readUIntBE(this.pos, 3);
    this.pos += 3;
    return v;
  }

  bytes(n: number): Buffer {
    this.need(n);
    const v = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  /** A sub-cursor over the next `n` bytes. */
  sub(n: number): Cursor {
    this.need(n);
    const c = new Cursor(this.b, this.pos, this.pos + n);
    this.pos += n;
    return c;
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.end) throw new Malformed();
  }
}

class Malformed extends Error {}

function guard<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof Malformed) return null;
    throw e;
  }
}

export interface ClientHelloInfo {
  legacyVersion: number;
  sessionId: string;
  sni?: string;
  /** from supported_versions when present, else [legacyVersion] */
  versions: number[];
  alpn: string[];
}

export interface ServerHelloInfo {
  legacyVersion: number;
  /** supported_versions selection (TLS 1.3) or the legacy version */
  version: number;
  sessionId: string;
  cipherSuite: number;
  alpn?: string;
  /** a HelloRetryRequest: the server asks for another ClientHello */
  helloRetry: boolean;
}

const EXT_SNI = 0;
const EXT_ALPN = 16;
const EXT_SUPPORTED_VERSIONS = 43;
// SHA-256("HelloRetryRequest"), the fixed random of a TLS 1.3 HelloRetryRequest (RFC 8446 4.1.3).
const HRR_RANDOM = "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";

export function parseClientHello(body: Buffer): ClientHelloInfo | null {
  return guard(() => {
    const c = new Cursor(body);
    const legacyVersion = c.u16();
    c.bytes(32); // random
    const sessionId = c.bytes(c.u8()).toString("hex");
    c.bytes(c.u16()); // cipher suites
    c.bytes(c.u8()); // compression methods
    const info: ClientHelloInfo = { legacyVersion, sessionId, versions: [legacyVersion], alpn: [] };
    if (c.left < 2) return info; // extensions are optional (old clients)
    const exts = c.sub(c.u16());
    while (exts.left >= 4) {
      const type = exts.u16();
      const e = exts.sub(exts.u16());
      if (type === EXT_SNI) {
        const list = e.sub(e.u16());
        while (list.left >= 3) {
          const nameType = list.u8();
          const name = list.bytes(list.u16());
          if (nameType === 0 && info.sni === undefined) info.sni = printable(name);
        }
      } else if (type === EXT_SUPPORTED_VERSIONS) {
        const list = e.sub(e.u8());
        const versions: number[] = [];
        while (list.left >= 2) versions.push(list.u16());
        if (versions.length > 0) info.versions = versions;
      } else if (type === EXT_ALPN) {
        const list = e.sub(e.u16());
        while (list.left >= 1 && info.alpn.length < 16) info.alpn.push(printable(list.bytes(list.u8())));
      }
    }
    return info;
  });
}

export function parseServerHello(body: Buffer): ServerHelloInfo | null {
  return guard(() => {
    const c = new Cursor(body);
    const legacyVersion = c.u16();
    const random = c.bytes(32);
    const sessionId = c.bytes(c.u8()).toString("hex");
    const cipherSuite = c.u16();
    c.u8(); // compression method
    const info: ServerHelloInfo = {
      legacyVersion,
      version: legacyVersion,
      sessionId,
      cipherSuite,
      helloRetry: random.toString("hex") === HRR_RANDOM,
    };
    if (c.left < 2) return info;
    const exts = c.sub(c.u16());
    while (exts.left >= 4) {
      const type = exts.u16();
      const e = exts.sub(exts.u16());
      if (type === EXT_SUPPORTED_VERSIONS && e.left >= 2) info.version = e.u16();
      else if (type === EXT_ALPN && e.left >= 3) {
        const list = e.sub(e.u16());
        info.alpn = printable(list.bytes(list.u8()));
      }
    }
    return info;
  });
}

/** The chain of a TLS <= 1.2 Certificate message, copied out (the body is a transient view). */
export function parseCertificateList(body: Buffer, maxCerts = 16): Buffer[] | null {
  return guard(() => {
    const c = new Cursor(body);
    const list = c.sub(c.u24());
    const certs: Buffer[] = [];
    while (list.left >= 3 && certs.length < maxCerts) {
      const der = list.bytes(list.u24());
      if (der.length > 0) certs.push(Buffer.from(der));
    }
    return certs;
  });
}

/** Names from the wire are attacker-chosen: keep printable ASCII only, bounded. */
function printable(b: Buffer): string {
  // eslint-disable-next-line no-control-regex
  return b.subarray(0, 255).toString("latin1").replace(/[^\x20-\x7e]/g, "?");
}
