// Apache Traffic Server's own diagnostics inside the Expressway log, e.g.
// `[ET_NET 3] WARNING: Core server certificate verification failed for (...)`.
// These carry no `Name="value"` pairs; the message formats come from ATS's source.

export type NativeMessage = {
  /** e.g. "ET_NET 3", or null when the line has no thread tag */
  thread: string | null;
  /** e.g. "WARNING", "ERROR", "NOTE" */
  level: string;
  text: string;
};

const LEVELS = ["WARNING", "ERROR", "NOTE", "STATUS", "FATAL", "ALERT", "EMERGENCY", "DEBUG", "DIAG"];

/** Parses `[thread] LEVEL: text` starting at `start`; null for `Name="value"` lines. */
export function parseNativeMessage(line: string, start = 0): NativeMessage | null {
  let i = start;
  let thread: string | null = null;
  if (line.charCodeAt(i) === 91) {
    const close = line.indexOf("]", i);
    if (close === -1) return null;
    thread = line.slice(i + 1, close);
    i = close + 1;
    while (line.charCodeAt(i) === 32) i++;
  }
  const colon = line.indexOf(":", i);
  if (colon === -1 || colon - i > 10) return null;
  const level = line.slice(i, colon);
  if (!LEVELS.includes(level)) return null;
  let textStart = colon + 1;
  while (line.charCodeAt(textStart) === 32) textStart++;
  // Some builds insert the source location: `<SSLNetVConnection.cc:1234 (func)> text`.
  if (line.charCodeAt(textStart) === 60) {
    const gt = line.indexOf("> ", textStart);
    if (gt !== -1) textStart = gt + 2;
  }
  return { thread, level, text: line.slice(textStart) };
}

export type CertificateVerificationFailed = {
  type: "verification_failed";
  /** the name in `for (%s)` */
  name: string;
  action: string | null;
  /** OpenSSL's verify-error text, e.g. "self signed certificate" */
  error: string | null;
  serverHost: string | null;
  serverIp: string | null;
  depth: number | null;
};

export type SniNotInCertificate = {
  type: "sni_not_in_certificate";
  sni: string;
  action: string | null;
  serverHost: string | null;
  serverIp: string | null;
};

export type SslConnectionFailed = {
  type: "ssl_connection_failed";
  name: string;
  /** OpenSSL's error string after the name, e.g. "error:1416F086:SSL routines:...:certificate verify failed" */
  error: string | null;
  /** the 8-hex-digit OpenSSL code, e.g. "1416F086" (1.1) or "0A000086" (3) */
  code: string | null;
};

export type TrafficServerMessage = CertificateVerificationFailed | SniNotInCertificate | SslConnectionFailed;

const VERIFY_MARK = "Core server certificate verification failed for (";
const SNI_MARK = "not in certificate";
const SSL_MARK = "SSL connection failed for '";

// `SNI (%s)`, or `Origin hostname (%s)` in newer ATS: the same name check
const SNI_RE = /(?:SNI|Origin hostname) \((.*?)\) not in certificate\.?(?:\s+Action=(\S+))?(?:\s+server=(\(null\)|[^\s(]*)\(([^)\s]*)\))?/;
const SSL_RE = /SSL connection failed for '([^']*)'(?::\s*(.*))?/;
const OPENSSL_CODE_RE = /error:([0-9A-Fa-f]{8}):/;

/** Recognises the certificate-related messages; indexOf prefilters keep regexes off other lines. */
export function parseTrafficServerMessage(text: string): TrafficServerMessage | null {
  if (text.indexOf(VERIFY_MARK) !== -1) {
    return parseVerificationFailed(text);
  }
  if (text.indexOf(SNI_MARK) !== -1) {
    const m = SNI_RE.exec(text);
    if (!m) return null;
    return { type: "sni_not_in_certificate", sni: m[1], action: m[2]?.replace(/[.,]$/, "") ?? null, serverHost: knownHost(m[3]), serverIp: m[4] || null };
  }
  if (text.indexOf(SSL_MARK) !== -1) {
    const m = SSL_RE.exec(text);
    if (!m) return null;
    const error = m[2]?.trim() || null;
    const code = error ? (OPENSSL_CODE_RE.exec(error)?.[1]?.toUpperCase() ?? null) : null;
    return { type: "ssl_connection_failed", name: m[1], error, code };
  }
  return null;
}

const ACTION_RE = /\bAction=(\S+)/;
// `server=%s(%s)`: the name is `(null)` when the connection had none (ATS prints a null pointer so)
const SERVER_RE = /\sserver=(\(null\)|[^\s(]*)\(([^)\s]*)\)/;
const DEPTH_RE = /\sdepth=(-?\d+)/;

/** Field by field, so a reordered or partly missing message still yields what it has. */
function parseVerificationFailed(text: string): CertificateVerificationFailed {
  const nameStart = text.indexOf(VERIFY_MARK) + VERIFY_MARK.length;
  let nameEnd = text.indexOf(").", nameStart);
  if (nameEnd === -1) nameEnd = text.indexOf(")", nameStart);
  const name = nameEnd === -1 ? text.slice(nameStart) : text.slice(nameStart, nameEnd);
  const server = SERVER_RE.exec(text);
  const depth = DEPTH_RE.exec(text);
  let error: string | null = null;
  const errAt = text.indexOf("Error=");
  if (errAt !== -1) {
    // The error text has spaces; it runs up to the next known field.
    let errEnd = text.length;
    for (const field of [" server=", " depth=", " Action="]) {
      const at = text.indexOf(field, errAt);
      if (at !== -1 && at < errEnd) errEnd = at;
    }
    error = text.slice(errAt + 6, errEnd).trim() || null;
  }
  return {
    type: "verification_failed",
    name,
    action: ACTION_RE.exec(text)?.[1]?.replace(/[.,]$/, "") ?? null,
    error,
    serverHost: knownHost(server?.[1]),
    serverIp: server?.[2] || null,
    depth: depth ? Number(depth[1]) : null,
  };
}

/** The host part of `server=host(ip)`; none for `(null)` or an empty name (the node is then known by its IP). */
function knownHost(raw: string | undefined): string | null {
  if (!raw || raw === "(null)" || raw === "null") return null;
  return raw;
}
