// One SIP message from a SIPMSG block: start line, the headers a call list and a diagnosis need
// (compact forms too), and a summary of its SDP body (media lines, codecs, crypto suites; never the
// keys). Blocks come in two real layouts: `|INVITE ...` then bare header lines, or ` |INVITE ...`
// with every line led by one space and a line of one space before the body (TN 212383, TN 225746).
// Broken start lines and huge bodies are read as far as they make sense, never thrown on.

export type SipStartLine =
  | { kind: "request"; method: string; uri: string }
  | { kind: "response"; code: number; reason: string }
  | { kind: "unknown"; text: string };

export type NameAddr = { display: string | null; uri: string; tag: string | null };

export type SdpMedia = {
  /** audio, video, application... */
  type: string;
  port: number | null;
  /** RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF... */
  proto: string;
  /** codec names by rtpmap (`PCMU/8000`), else the payload numbers */
  codecs: string[];
  /** SDES crypto suites offered (`AES_CM_128_HMAC_SHA1_80`); the inline keys are never kept */
  crypto: string[];
  /** sendrecv / sendonly / recvonly / inactive when said */
  direction: string | null;
};

export type SdpSummary = {
  connection: string | null;
  media: SdpMedia[];
  /** body lines past the read limit */
  truncated: boolean;
};

export type SipMessage = {
  start: SipStartLine;
  callId: string | null;
  cseq: { seq: number; method: string } | null;
  from: NameAddr | null;
  to: NameAddr | null;
  /** the first Via values (topmost first), a few at most */
  via: string[];
  contact: string | null;
  userAgent: string | null;
  server: string | null;
  /** Reason header(s), e.g. `Q.850;cause=16;text="Normal call clearing"` */
  reason: string | null;
  warning: string | null;
  sessionId: { local: string; remote: string | null } | null;
  expires: number | null;
  sessionExpires: string | null;
  contentType: string | null;
  sdp: SdpSummary | null;
  /** header lines read (kept or not) */
  headerCount: number;
};

const WANTED = ["call-id", "cseq", "from", "to", "via", "contact", "user-agent", "server", "reason", "warning", "session-id", "expires", "session-expires", "content-type"];

/** The canonical name of line[s, e) if it is a header this parser reads (any case, compact forms too), else null. */
function wantedHeader(line: string, s: number, e: number): string | null {
  const len = e - s;
  if (len === 1) return COMPACT[String.fromCharCode(line.charCodeAt(s) | 32)] ?? null;
  for (const w of WANTED) {
    if (w.length !== len) continue;
    let k = 0;
    while (k < len && (line.charCodeAt(s + k) | 32) === w.charCodeAt(k)) k++;
    if (k === len) return w;
  }
  return null;
}

/** Header names by compact form (RFC 3261 7.3.3 and later RFCs). */
const COMPACT: Record<string, string> = {
  i: "call-id",
  f: "from",
  t: "to",
  v: "via",
  m: "contact",
  l: "content-length",
  c: "content-type",
  e: "content-encoding",
  k: "supported",
  s: "subject",
  o: "event",
  r: "refer-to",
  x: "session-expires",
  u: "allow-events",
  b: "referred-by",
};

const MAX_VIA = 8;
const MAX_VALUE = 1024;
const MAX_SDP_LINES = 400;
const MAX_MEDIA = 16;
const MAX_CODECS = 24;

/** Removes the block's bar and the real layout's leading space from a message line. */
export function messageLineText(line: string, first: boolean): string {
  let s = line;
  if (first) {
    let i = 0;
    while (i < s.length && s.charCodeAt(i) === 32) i++;
    if (s.charCodeAt(i) === 124) return s.slice(i + 1);
    return s.slice(i);
  }
  if (s.charCodeAt(0) === 32) s = s.slice(1);
  // "bar glued to the last line": a body line ending in `|` closes the block
  return s;
}

export function parseStartLine(line: string): SipStartLine {
  const t = line.trim();
  if (t.startsWith("SIP/2.0 ")) {
    const m = /^SIP\/2\.0 +(\d{3})(?: +(.*))?$/.exec(t);
    if (m) return { kind: "response", code: Number(m[1]), reason: cleanReason(m[2] ?? "") };
    return { kind: "unknown", text: clip(t, 200) };
  }
  const m = /^([A-Z][A-Z_-]{1,19}) +(\S{1,1024}) +SIP\/2\.0$/.exec(t);
  if (m) return { kind: "request", method: m[1], uri: m[2] };
  return { kind: "unknown", text: clip(t, 200) };
}

/**
 * parseStartLine(line).kind, read in place without a regex or a string: a collector that reads most
 * blocks only for their kind calls this on every message.
 */
export function startLineKind(line: string): SipStartLine["kind"] {
  let a = 0;
  let b = line.length;
  while (a < b && isTrimmed(line.charCodeAt(a))) a++;
  while (b > a && isTrimmed(line.charCodeAt(b - 1))) b--;
  if (line.startsWith("SIP/2.0 ", a)) {
    // SIP/2.0 +(\d{3})(?: +(.*))?
    let i = a + 8;
    while (i < b && line.charCodeAt(i) === 32) i++;
    for (let k = 0; k < 3; k++, i++) if (i >= b || !isDigit(line.charCodeAt(i))) return "unknown";
    if (i === b) return "response";
    if (line.charCodeAt(i) !== 32) return "unknown";
    // the reason phrase is `.*`: no line terminator inside it
    for (; i < b; i++) {
      const c = line.charCodeAt(i);
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return "unknown";
    }
    return "response";
  }
  // ([A-Z][A-Z_-]{1,19}) +(\S{1,1024}) +SIP\/2\.0
  let i = a;
  if (i >= b || !isUpper(line.charCodeAt(i))) return "unknown";
  i++;
  const methodStart = i;
  while (i < b && i - methodStart < 20 && isMethodChar(line.charCodeAt(i))) i++;
  const methodRest = i - methodStart;
  if (methodRest < 1 || methodRest > 19 || i >= b || line.charCodeAt(i) !== 32) return "unknown";
  while (i < b && line.charCodeAt(i) === 32) i++;
  const uriStart = i;
  while (i < b && !isTrimmed(line.charCodeAt(i))) i++;
  const uriEnd = i;
  if (uriEnd === uriStart || i >= b || line.charCodeAt(i) !== 32) return "unknown";
  while (i < b && line.charCodeAt(i) === 32) i++;
  // the URI may not run into the version: "SIP/2.0" must be all that is left
  if (b - i !== 7 || !line.startsWith("SIP/2.0", i)) return "unknown";
  return uriEnd - uriStart <= 1024 ? "request" : "unknown";
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isMethodChar(c: number): boolean {
  return isUpper(c) || c === 95 || c === 45;
}

/** What String#trim removes and \s matches, as far as log lines hold them. */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** A reason phrase; some rendered logs glue the next header on (`404 Not Found Via: SIP/2.0/TLS ...`). */
function cleanReason(reason: string): string {
  const glued = /\s[A-Z][A-Za-z-]{1,30}: /.exec(reason);
  return clip((glued ? reason.slice(0, glued.index) : reason).trim(), 120);
}

/** Parses the message lines of a SIPMSG block (as LogReader keeps them: bar removed from a leading `|`). */
export function parseSipMessage(lines: readonly string[]): SipMessage {
  const msg: SipMessage = {
    start: { kind: "unknown", text: "" },
    callId: null,
    cseq: null,
    from: null,
    to: null,
    via: [],
    contact: null,
    userAgent: null,
    server: null,
    reason: null,
    warning: null,
    sessionId: null,
    expires: null,
    sessionExpires: null,
    contentType: null,
    sdp: null,
    headerCount: 0,
  };
  let i = 0;
  // The first non-empty line is the start line.
  while (i < lines.length && lines[i].trim().length === 0) i++;
  if (i >= lines.length) return msg;
  msg.start = parseStartLine(messageLineText(lines[i], true));
  i++;
  for (; i < lines.length; i++) {
    const line = lines[i];
    // Headers are read in place: only the few this parser wants are cut out as strings.
    let s = 0;
    while (s < line.length && (line.charCodeAt(s) === 32 || line.charCodeAt(s) === 9)) s++;
    if (s >= line.length || (line.charCodeAt(s) === 124 && line.length - s < 3 && line.trim() === "|")) {
      i++;
      break; // end of headers
    }
    const colon = line.indexOf(":", s);
    if (colon <= s || colon - s > 40) continue;
    msg.headerCount++;
    let e = colon;
    while (e > s && line.charCodeAt(e - 1) === 32) e--;
    const name = wantedHeader(line, s, e);
    if (name === null) continue;
    applyHeader(msg, name, clip(line.slice(colon + 1).trim(), MAX_VALUE));
  }
  // Only offers are read (INVITE, UPDATE, re-INVITE) and answers to INVITE: the body of anything else is skipped.
  const wantsSdp = msg.start.kind === "request" ? msg.start.method === "INVITE" || msg.start.method === "UPDATE" : msg.cseq?.method === "INVITE";
  if (wantsSdp && i < lines.length && (msg.contentType === null || msg.contentType.toLowerCase().includes("sdp") || msg.contentType.toLowerCase().includes("multipart"))) {
    const sdp = parseSdp(i === 0 ? lines : lines.slice(i));
    if (sdp.media.length > 0 || sdp.connection !== null) msg.sdp = sdp;
  }
  return msg;
}

function applyHeader(msg: SipMessage, name: string, value: string): void {
  switch (name) {
    case "call-id":
      msg.callId ??= value.replace(/\s+/g, "");
      break;
    case "cseq": {
      const m = /^(\d{1,10})\s+([A-Za-z]+)/.exec(value);
      if (m && msg.cseq === null) msg.cseq = { seq: Number(m[1]), method: m[2].toUpperCase() };
      break;
    }
    case "from":
      msg.from ??= parseNameAddr(value);
      break;
    case "to":
      msg.to ??= parseNameAddr(value);
      break;
    case "via":
      if (!value.includes(",")) {
        if (msg.via.length < MAX_VIA) msg.via.push(value);
      } else for (const v of value.split(/,(?=\s*SIP\/)/)) if (msg.via.length < MAX_VIA) msg.via.push(v.trim());
      break;
    case "contact":
      msg.contact ??= value;
      break;
    case "user-agent":
      msg.userAgent ??= value;
      break;
    case "server":
      msg.server ??= value;
      break;
    case "reason":
      msg.reason = msg.reason === null ? value : clip(`${msg.reason}, ${value}`, MAX_VALUE);
      break;
    case "warning":
      msg.warning ??= value;
      break;
    case "session-id": {
      const m = /^([0-9A-Za-z]{1,64})\s*(?:;\s*remote=([0-9A-Za-z]{1,64}))?/.exec(value);
      if (m && msg.sessionId === null) msg.sessionId = { local: m[1], remote: m[2] ?? null };
      break;
    }
    case "expires":
      if (/^\d{1,9}$/.test(value)) msg.expires = Number(value);
      break;
    case "session-expires":
      msg.sessionExpires ??= value;
      break;
    case "content-type":
      msg.contentType ??= value;
      break;
  }
}

/** `"Name" <sip:a@b>;tag=x`, `<sip:a@b>`, `sip:a@b;tag=x`. */
export function parseNameAddr(value: string): NameAddr {
  let display: string | null = null;
  let uri: string;
  let params: string;
  const lt = value.indexOf("<");
  const gt = lt === -1 ? -1 : value.indexOf(">", lt);
  if (lt !== -1 && gt !== -1) {
    const d = value.slice(0, lt).trim().replace(/^"|"$/g, "");
    display = d.length > 0 ? d : null;
    uri = value.slice(lt + 1, gt).trim();
    params = value.slice(gt + 1);
  } else {
    const semi = value.indexOf(";");
    uri = (semi === -1 ? value : value.slice(0, semi)).trim();
    params = semi === -1 ? "" : value.slice(semi);
  }
  const tag = /;\s*tag=([^;\s>]+)/i.exec(params);
  return { display, uri, tag: tag ? tag[1] : null };
}

/** The SDP lines of a body (a multipart body's SDP part included); bounded. */
export function parseSdp(lines: readonly string[]): SdpSummary {
  const sdp: SdpSummary = { connection: null, media: [], truncated: lines.length > MAX_SDP_LINES };
  let current: (SdpMedia & { rtpmap: Map<string, string>; formats: string[] }) | null = null;
  const finish = () => {
    if (current === null) return;
    const names = current.formats.map((f) => current!.rtpmap.get(f) ?? f);
    current.codecs = names.slice(0, MAX_CODECS);
    const { rtpmap: _r, formats: _f, ...media } = current;
    sdp.media.push(media);
    current = null;
  };
  const n = Math.min(lines.length, MAX_SDP_LINES);
  for (let i = 0; i < n; i++) {
    const line = lines[i].trim();
    if (line.length < 2 || line.charCodeAt(1) !== 61) continue;
    const type = line.charCodeAt(0);
    const value = line.slice(2);
    if (type === 109) {
      // m=
      finish();
      if (sdp.media.length >= MAX_MEDIA) {
        sdp.truncated = true;
        break;
      }
      const parts = value.split(/\s+/);
      const port = /^\d{1,5}$/.test(parts[1] ?? "") ? Number(parts[1]) : null;
      current = { type: parts[0] ?? "", port, proto: parts[2] ?? "", codecs: [], crypto: [], direction: null, rtpmap: new Map(), formats: parts.slice(3, 3 + MAX_CODECS) };
    } else if (type === 99) {
      // c=
      if (sdp.connection === null) sdp.connection = clip(value, 80);
    } else if (type === 97 && current !== null) {
      // a=
      if (value.startsWith("rtpmap:")) {
        const m = /^rtpmap:(\d{1,3})\s+(\S{1,40})/.exec(value);
        if (m) current.rtpmap.set(m[1], m[2]);
      } else if (value.startsWith("crypto:")) {
        const m = /^crypto:\d{1,3}\s+(\S{1,60})/.exec(value);
        if (m && current.crypto.length < 8 && !current.crypto.includes(m[1])) current.crypto.push(m[1]);
      } else if (value === "sendrecv" || value === "sendonly" || value === "recvonly" || value === "inactive") {
        current.direction = value;
      }
    }
  }
  finish();
  return sdp;
}

/** Is this media line encrypted (SAVP profiles), whether or not a crypto line came with it? */
export function isSecureProfile(proto: string): boolean {
  return proto.includes("SAVP");
}

/** The label of a message on a ladder: `INVITE`, `488 Not Acceptable Here`, or the start line as seen. */
export function startLineLabel(start: SipStartLine): string {
  if (start.kind === "request") return start.method;
  if (start.kind === "response") return start.reason ? `${start.code} ${start.reason}` : String(start.code);
  return start.text.length > 0 ? clip(start.text, 60) : "(unreadable start line)";
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
