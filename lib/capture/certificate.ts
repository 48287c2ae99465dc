// Certificate details for engineers (who is it for, who issued it, is it expired, what key),
// plus the checks they do by hand: does a name match (RFC 6125), is the chain in order, is the
// issuer in the bundle's trust store. Built on node:crypto X509Certificate plus a tiny DER walk.
import { X509Certificate, createHash } from "node:crypto";
import { isIP } from "node:net";
import { DerError, certificateParts, children, readTlv } from "./der";
import { ipv4Text, ipv6Text } from "./ip-address";

export interface CertificateDetails {
  /** e.g. "C=US, O=Steven Lab, CN=cucm-ms.steven.lab" */
  subject: string;
  subjectCN?: string;
  issuer: string;
  issuerCN?: string;
  serialNumber: string;
  sanDns: string[];
  sanIps: string[];
  notBefore: string;
  notAfter: string;
  /** relative to the time given (the capture time), else now */
  expired: boolean;
  notYetValid: boolean;
  expiresWithin30Days: boolean;
  /** "RSA", "EC", "Ed25519", ... */
  keyType: string;
  /** RSA modulus bits, or the EC field size */
  keyBits?: number;
  /** EC curve as Node/OpenSSL names it, e.g. "prime256v1" */
  curve?: string;
  /** e.g. "sha256WithRSAEncryption", "ecdsa-with-SHA256"; the OID when unknown */
  signatureAlgorithm: string;
  selfSigned: boolean;
  isCA: boolean;
  subjectKeyId?: string;
  authorityKeyId?: string;
  /** "AB:CD:..." */
  sha256Fingerprint: string;
  pem: string;
}

export type CertificateInput = Buffer | Uint8Array | string | X509Certificate;

const DAY_MS = 86_400_000;

const SIGNATURE_ALGORITHMS: Record<string, string> = {
  "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
  "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
  "1.2.840.113549.1.1.10": "rsassaPss",
  "1.2.840.113549.1.1.11": "sha256WithRSAEncryption",
  "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
  "1.2.840.113549.1.1.13": "sha512WithRSAEncryption",
  "1.2.840.113549.1.1.14": "sha224WithRSAEncryption",
  "1.2.840.10045.4.1": "ecdsa-with-SHA1",
  "1.2.840.10045.4.3.1": "ecdsa-with-SHA224",
  "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
  "1.2.840.10045.4.3.3": "ecdsa-with-SHA384",
  "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
  "1.2.840.10040.4.3": "dsa-with-SHA1",
  "2.16.840.1.101.3.4.3.2": "dsa-with-SHA256",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
};

const CURVE_BITS: Record<string, number> = {
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
  secp224r1: 224,
  prime192v1: 192,
};

const KEY_TYPES: Record<string, string> = { rsa: "RSA", "rsa-pss": "RSA-PSS", ec: "EC", dsa: "DSA", ed25519: "Ed25519", ed448: "Ed448" };

const OID_SAN = "2.5.29.17";
const OID_SKI = "2.5.29.14";
const OID_AKI = "2.5.29.35";

/** Parses a certificate (DER, PEM text or X509Certificate); null when it is not one. */
export function toX509(input: CertificateInput): X509Certificate | null {
  if (input instanceof X509Certificate) return input;
  try {
    return new X509Certificate(typeof input === "string" ? input : Buffer.from(input));
  } catch {
    return null;
  }
}

/** Details of one certificate; `at` is the moment to judge expiry against (the capture time). */
export function describeCertificate(input: CertificateInput, at: Date | string | number = Date.now()): CertificateDetails | null {
  const x = toX509(input);
  if (!x) return null;
  const der = x.raw;
  let signatureAlgorithm = "unknown";
  let sanDns: string[] = [];
  let sanIps: string[] = [];
  let subjectKeyId: string | undefined;
  let authorityKeyId: string | undefined;
  try {
    const parts = certificateParts(der);
    signatureAlgorithm = SIGNATURE_ALGORITHMS[parts.signatureAlgorithmOid] ?? parts.signatureAlgorithmOid;
    const san = parts.extensions.get(OID_SAN);
    if (san) ({ dns: sanDns, ips: sanIps } = parseGeneralNames(san));
    const ski = parts.extensions.get(OID_SKI);
    if (ski) {
      const t = readTlv(ski, 0);
      if (t.tag === 0x04) subjectKeyId = hexColon(ski.subarray(t.start, t.end));
    }
    const aki = parts.extensions.get(OID_AKI);
    if (aki) {
      const keyId = children(aki, readTlv(aki, 0)).find((c) => c.tag === 0x80);
      if (keyId) authorityKeyId = hexColon(aki.subarray(keyId.start, keyId.end));
    }
  } catch (e) {
    if (!(e instanceof DerError)) throw e;
  }
  const atMs = at instanceof Date ? at.getTime() : typeof at === "string" ? Date.parse(at) : at;
  const from = Date.parse(x.validFrom);
  const to = Date.parse(x.validTo);
  const key = x.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const curve = details.namedCurve;
  return {
    subject: dnText(x.subject),
    subjectCN: dnField(x.subject, "CN"),
    issuer: dnText(x.issuer),
    issuerCN: dnField(x.issuer, "CN"),
    serialNumber: x.serialNumber,
    sanDns,
    sanIps,
    notBefore: new Date(from).toISOString(),
    notAfter: new Date(to).toISOString(),
    expired: atMs > to,
    notYetValid: atMs < from,
    expiresWithin30Days: atMs <= to && to - atMs <= 30 * DAY_MS,
    keyType: KEY_TYPES[key.asymmetricKeyType ?? ""] ?? key.asymmetricKeyType ?? "unknown",
    keyBits: details.modulusLength ?? (curve ? CURVE_BITS[curve] : undefined),
    curve,
    signatureAlgorithm,
    selfSigned: isSelfSigned(x),
    isCA: x.ca,
    subjectKeyId,
    authorityKeyId,
    sha256Fingerprint: hexColon(createHash("sha256").update(der).digest()),
    pem: x.toString(),
  };
}

/**
 * Whether the certificate is valid for `nameOrIp` per RFC 6125: IP addresses only against IP
 * SANs; DNS names against DNS SANs, with a wildcard only as the whole left-most label and
 * matching exactly one label; the subject CN only when there are no DNS SANs.
 */
export function nameMatches(cert: CertificateInput | CertificateDetails, nameOrIp: string): boolean {
  const d = isDetails(cert) ? cert : describeCertificate(cert);
  if (!d) return false;
  const wanted = nameOrIp.trim();
  if (isIP(wanted)) {
    const key = ipKey(wanted);
    return d.sanIps.some((ip) => ipKey(ip) === key);
  }
  const host = wanted.toLowerCase().replace(/\.$/, "");
  if (!host || host.includes("*")) return false;
  const patterns = d.sanDns.length > 0 ? d.sanDns : d.subjectCN && !isIP(d.subjectCN) ? [d.subjectCN] : [];
  return patterns.some((p) => dnsMatches(p.toLowerCase().replace(/\.$/, ""), host));
}

export interface ChainCheck {
  /** each certificate is issued (and signed) by the next */
  complete: boolean;
  /** the last one is a self-signed root (otherwise its issuer simply was not sent) */
  endsWithRoot: boolean;
  problem?: string;
}

/** Is the chain as sent in order: each certificate issued by the next, up to a root or an issuer not sent? */
export function chainComplete(chain: CertificateInput[]): ChainCheck {
  const certs = chain.map(toX509);
  if (certs.length === 0) return { complete: false, endsWithRoot: false, problem: "no certificates" };
  for (let i = 0; i < certs.length; i++) {
    if (!certs[i]) return { complete: false, endsWithRoot: false, problem: `certificate ${i + 1} cannot be parsed` };
  }
  const xs = certs as X509Certificate[];
  for (let i = 0; i + 1 < xs.length; i++) {
    if (!issuedBy(xs[i], xs[i + 1])) {
      return {
        complete: false,
        endsWithRoot: false,
        problem: `certificate ${i + 1} (${dnField(xs[i].subject, "CN") ?? dnText(xs[i].subject)}) is not issued by certificate ${i + 2} (${dnField(xs[i + 1].subject, "CN") ?? dnText(xs[i + 1].subject)})`,
      };
    }
  }
  return { complete: true, endsWithRoot: isSelfSigned(xs[xs.length - 1]) };
}

export interface TrustCheck {
  trusted: boolean;
  /** subject of the trust-store certificate that anchors the chain */
  anchor?: string;
}

/**
 * Is the chain anchored in the trust store (e.g. a bundle's ca_*.pem): some certificate of the
 * chain, walking up from the leaf while the links hold, is in the store or issued by one in it.
 */
export function issuerInTrustStore(chain: CertificateInput[], trustStore: string | Buffer | CertificateInput[]): TrustCheck {
  const store = (Array.isArray(trustStore) ? trustStore.map(toX509) : parsePemCertificates(trustStore).map(toX509)).filter(
    (x): x is X509Certificate => x !== null,
  );
  const certs = chain.map(toX509);
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i];
    if (!c) break;
    if (i > 0 && !(certs[i - 1] && issuedBy(certs[i - 1]!, c))) break;
    const fp = c.fingerprint256;
    for (const s of store) {
      if (s.fingerprint256 === fp || issuedBy(c, s)) return { trusted: true, anchor: dnText(s.subject) };
    }
  }
  return { trusted: false };
}

/** Every certificate in a PEM text (a ca.pem holds many), as DER. Other blocks are ignored. */
export function parsePemCertificates(text: string | Buffer): Buffer[] {
  const s = typeof text === "string" ? text : text.toString("latin1");
  const out: Buffer[] = [];
  const re = /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const der = Buffer.from(m[1].replace(/[^A-Za-z0-9+/=]/g, ""), "base64");
    if (der.length > 0 && toX509(der)) out.push(der);
  }
  return out;
}

function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function isSelfSigned(x: X509Certificate): boolean {
  if (x.subject !== x.issuer) return false;
  try {
    return x.verify(x.publicKey);
  } catch {
    return false;
  }
}

function isDetails(v: unknown): v is CertificateDetails {
  return typeof v === "object" && v !== null && "sanDns" in v && "subject" in v;
}

function parseGeneralNames(b: Buffer): { dns: string[]; ips: string[] } {
  const dns: string[] = [];
  const ips: string[] = [];
  for (const n of children(b, readTlv(b, 0))) {
    if (n.tag === 0x82) dns.push(b.subarray(n.start, n.end).toString("latin1"));
    else if (n.tag === 0x87 && n.end - n.start === 4) ips.push(ipv4Text(b, n.start));
    else if (n.tag === 0x87 && n.end - n.start === 16) ips.push(ipv6Text(b, n.start));
  }
  return { dns, ips };
}

function dnsMatches(pattern: string, host: string): boolean {
  if (!pattern.includes("*")) return pattern === host;
  const pLabels = pattern.split(".");
  const hLabels = host.split(".");
  // Only "*" as the whole left-most label, never "f*o.example.com" or "www.*.example.com", and
  // not directly above a single label ("*.lab").
  if (pLabels[0] !== "*" || pLabels.slice(1).some((l) => l.includes("*")) || pLabels.length < 3) return false;
  if (hLabels.length !== pLabels.length || hLabels[0].length === 0) return false;
  return pLabels.slice(1).join(".") === hLabels.slice(1).join(".");
}

/** A comparable form of an IP address (IPv6 zero-compression and case normalised). */
function ipKey(ip: string): string {
  if (isIP(ip) === 4) return ip;
  let s = ip.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4[1].split(".").map(Number);
    s = s.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail ? tail.split(":") : [];
  const fill = tail !== undefined ? new Array(8 - h.length - t.length).fill("0") : [];
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16).toString(16)).join(":");
}

function dnText(dn: string): string {
  return dn.split("\n").filter(Boolean).join(", ");
}

function dnField(dn: string, field: string): string | undefined {
  const line = dn.split("\n").find((l) => l.startsWith(`${field}=`));
  return line?.slice(field.length + 1);
}

function hexColon(b: Buffer): string {
  return (b.toString("hex").toUpperCase().match(/../g) ?? []).join(":");
}
