// MRA request URLs name their target in a base64url path segment (padding stripped), e.g.
// `c3RldmVuLmxhYi9odHRwcy8xMC40OC4zNi4yMTUvODQ0Mw` = `steven.lab/https/10.48.36.215/8443`.
// Decoded values are customer data: shown to the user, never logged.

export type MraTarget = {
  domain: string;
  protocol: string | null;
  host: string | null;
  port: number | null;
};

const B64_RE = /^[A-Za-z0-9+/_-]+={0,2}$/;
const DOMAIN_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;
const HOST_RE = /^[A-Za-z0-9.:[\]-]+$/;

/** Either alphabet (`-_` or `+/`), with or without padding; null unless it decodes to printable text. */
export function decodeBase64Segment(segment: string): string | null {
  let s = segment;
  if (s.indexOf("%") !== -1) {
    try {
      s = decodeURIComponent(s);
    } catch {
      return null;
    }
  }
  if (s.length < 4 || !B64_RE.test(s)) return null;
  s = s.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  if (s.length % 4 === 1) return null;
  s += "===".slice(0, (4 - (s.length % 4)) % 4);
  const text = Buffer.from(s, "base64").toString("latin1");
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return null;
  }
  return text;
}

/** `domain/protocol/host/port` or a lone `domain` (as in `/dGJ0cC5jb20/get_edge_config/`). */
export function decodeMraTarget(segment: string): MraTarget | null {
  const text = decodeBase64Segment(segment);
  if (text === null) return null;
  const parts = text.split("/");
  if (parts.length === 1) return DOMAIN_RE.test(parts[0]) ? { domain: parts[0], protocol: null, host: null, port: null } : null;
  if (parts.length < 4) return null;
  const [domain, protocol, host, port] = parts;
  if (!DOMAIN_RE.test(domain) || !/^[a-z]+$/i.test(protocol) || !HOST_RE.test(host) || !/^\d{1,5}$/.test(port)) return null;
  return { domain, protocol: protocol.toLowerCase(), host, port: Number(port) };
}

/** A client asks for the same few targets over and over: decode each segment once (bounded). */
const targetCache = new Map<string, MraTarget | null>();
const TARGET_CACHE_SIZE = 512;

function cachedTarget(segment: string): MraTarget | null {
  let target = targetCache.get(segment);
  if (target === undefined) {
    if (targetCache.size >= TARGET_CACHE_SIZE) targetCache.clear();
    const decoded = decodeMraTarget(segment);
    target = decoded && Object.freeze(decoded);
    targetCache.set(segment, target);
  }
  return target;
}

export type MraUrl = {
  target: MraTarget | null;
  /** the path after the target segment (or the whole path when there is none) */
  path: string;
  user: string | null;
};

/** Clients repeat the same requests: each URL is read once (bounded), the result shared and frozen. */
const urlCache = new Map<string, MraUrl>();
const URL_CACHE_SIZE = 2048;

/** Reads a proxied request URL (absolute `http://host:port/...` or origin-form `/...`). */
export function parseMraUrl(url: string): MraUrl {
  let parsed = urlCache.get(url);
  if (parsed === undefined) {
    if (urlCache.size >= URL_CACHE_SIZE) urlCache.clear();
    parsed = Object.freeze(readMraUrl(url));
    urlCache.set(url, parsed);
  }
  return parsed;
}

function readMraUrl(url: string): MraUrl {
  let path = url;
  const scheme = url.indexOf("://");
  if (scheme !== -1 && scheme < 8) {
    const slash = url.indexOf("/", scheme + 3);
    path = slash === -1 ? "/" : url.slice(slash);
  }
  let target: MraTarget | null = null;
  if (path.charCodeAt(0) === 47) {
    let end = path.indexOf("/", 1);
    const q = path.indexOf("?");
    if (end === -1 || (q !== -1 && q < end)) end = q === -1 ? path.length : q;
    target = cachedTarget(path.slice(1, end));
    if (target !== null) path = path.slice(end) || "/";
  }
  return { target, path, user: userFromPath(path) };
}

const UDS_USER_RE = /\/cucm-uds\/user\/([^/?#]+)/i;
const CSF_RE = /\/CSF([^/?#]+?)\.cnf\.xml/i;

export function userFromPath(path: string): string | null {
  const m = UDS_USER_RE.exec(path) ?? CSF_RE.exec(path);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
