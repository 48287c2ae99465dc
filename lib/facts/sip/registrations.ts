// Registrations per AOR from REGISTER requests and their responses: every hop that logs one (the
// Expressway-E, the -C, the registrar's answer coming back) is folded into one attempt per
// Call-ID and CSeq, whose outcome is the last final response logged for it.
import type { Registration } from "@/lib/results/calls";
import type { SipMessageRecord } from "@/lib/facts/sip/sip-message-record";
import { own } from "@/lib/parse/own-string";

type Attempt = { time: string; ms: number; code: number | null; file: string; line: number };

type Book = {
  aor: string;
  contacts: Set<string>;
  devices: Set<string>;
  hosts: Set<string>;
  attempts: number;
  outcomes: Map<string, number>;
  lastCode: number | null;
  expires: number | null;
  firstSeen: string | null;
  firstMs: number;
  lastSeen: string | null;
  lastMs: number;
  recent: Attempt[];
};

const MAX_CONTACTS = 5;
const MAX_DEVICES = 5;
const MAX_RECENT = 12;
/** attempts awaiting their final response; the oldest are settled as "none" past this many */
const MAX_OPEN_ATTEMPTS = 4096;

export class RegistrationBook {
  private readonly books = new Map<string, Book>();
  private readonly open = new Map<string, { book: Book; attempt: Attempt; settled: boolean }>();
  /** AORs seen past maxRegistrations: counted, not listed */
  notListed = 0;
  private readonly notListedAors = new Set<string>();

  constructor(private readonly maxRegistrations: number) {}

  onMessage(m: SipMessageRecord): void {
    if (m.callId === null || m.cseq === null) return;
    const key = `${m.callId}\u0000${m.cseq}`;
    if (m.code === null) {
      // a request: each hop logs it; the first one opens the attempt
      if (this.open.has(key)) {
        const o = this.open.get(key)!;
        this.learn(o.book, m);
        return;
      }
      const aor = normalizeAor(m.toUri ?? (m.requestUri?.includes("@") ? m.requestUri : null));
      if (aor === null) return;
      const book = this.book(aor);
      if (book === null) return;
      const attempt: Attempt = { time: own(m.time), ms: m.ms, code: null, file: m.file, line: m.line };
      book.attempts++;
      this.seen(book, m);
      this.learn(book, m);
      this.open.set(key, { book, attempt, settled: false });
      if (this.open.size > MAX_OPEN_ATTEMPTS) this.settle(this.open.keys().next().value as string);
      return;
    }
    const o = this.open.get(key);
    if (!o) return;
    this.seen(o.book, m);
    if (m.code < 200) return;
    o.attempt.code = m.code;
    if (m.code >= 200 && m.code < 300) {
      const granted = m.expires ?? contactExpires(m.contact);
      if (granted !== null) o.book.expires = granted;
    }
    o.settled = true;
  }

  /** The other half of a message already counted (its block, with Contact, User-Agent, Expires). */
  onLateHalf(m: SipMessageRecord): void {
    if (m.callId === null || m.cseq === null) return;
    const o = this.open.get(`${m.callId}\u0000${m.cseq}`);
    if (!o) return;
    if (m.code === null) this.learn(o.book, m);
    else if (m.code >= 200 && m.code < 300) {
      const granted = m.expires ?? contactExpires(m.contact);
      if (granted !== null) o.book.expires = granted;
    }
  }

  /** Settles every open attempt (with its last final response, or none). */
  finish(): Registration[] {
    for (const key of [...this.open.keys()]) this.settle(key);
    const out: Registration[] = [];
    for (const b of this.books.values()) {
      out.push({
        aor: b.aor,
        contacts: [...b.contacts],
        devices: [...b.devices],
        attempts: b.attempts,
        outcomes: Object.fromEntries(b.outcomes),
        lastCode: b.lastCode,
        expires: b.expires,
        firstSeen: b.firstSeen,
        lastSeen: b.lastSeen,
        recent: b.recent.map(({ time, code, file, line }) => ({ time, code, file, line })),
        hosts: [...b.hosts],
      });
    }
    // Refused registrations first, then the busiest.
    out.sort((a, b) => refusedScore(b) - refusedScore(a) || b.attempts - a.attempts || a.aor.localeCompare(b.aor));
    return out;
  }

  private settle(key: string): void {
    const o = this.open.get(key);
    if (!o) return;
    this.open.delete(key);
    const code = o.attempt.code;
    const k = code === null ? "none" : String(code);
    o.book.outcomes.set(k, (o.book.outcomes.get(k) ?? 0) + 1);
    o.book.lastCode = code ?? o.book.lastCode;
    o.book.recent.push(o.attempt);
    if (o.book.recent.length > MAX_RECENT) o.book.recent.shift();
  }

  private book(aor: string): Book | null {
    let b = this.books.get(aor);
    if (b) return b;
    if (this.books.size >= this.maxRegistrations) {
      if (!this.notListedAors.has(aor) && this.notListedAors.size < 100_000) {
        this.notListedAors.add(aor);
        this.notListed++;
      }
      return null;
    }
    b = {
      aor,
      contacts: new Set(),
      devices: new Set(),
      hosts: new Set(),
      attempts: 0,
      outcomes: new Map(),
      lastCode: null,
      expires: null,
      firstSeen: null,
      firstMs: Infinity,
      lastSeen: null,
      lastMs: -Infinity,
      recent: [],
    };
    this.books.set(aor, b);
    return b;
  }

  private seen(b: Book, m: SipMessageRecord): void {
    if (m.ms < b.firstMs || b.firstSeen === null) {
      b.firstMs = m.ms;
      b.firstSeen = own(m.time);
    }
    if (m.ms > b.lastMs || b.lastSeen === null) {
      b.lastMs = m.ms;
      b.lastSeen = own(m.time);
    }
    if (b.hosts.size < 8 && !b.hosts.has(m.host)) b.hosts.add(own(m.host));
  }

  private learn(b: Book, m: SipMessageRecord): void {
    // (owned: a book outlives the messages it learns from)
    if (m.contact && b.contacts.size < MAX_CONTACTS) b.contacts.add(own(m.contact.length > 200 ? `${m.contact.slice(0, 200)}…` : m.contact));
    if (m.userAgent && b.devices.size < MAX_DEVICES) b.devices.add(own(m.userAgent.length > 120 ? `${m.userAgent.slice(0, 120)}…` : m.userAgent));
  }
}

/** A registration is refused when its attempts end in codes other than 2xx and the 401/407 challenges. */
export function refusedAttempts(r: Pick<Registration, "outcomes">): number {
  let n = 0;
  for (const [code, count] of Object.entries(r.outcomes)) {
    if (code === "none" || code === "401" || code === "407") continue;
    if (Number(code) >= 300) n += count;
  }
  return n;
}

function refusedScore(r: Registration): number {
  return refusedAttempts(r) > 0 && !r.outcomes["200"] ? 1 : 0;
}

/** `sip:7022@example.com;transport=tls` → `7022@example.com` (the scheme, parameters and brackets dropped). */
export function normalizeAor(uri: string | null): string | null {
  if (!uri) return null;
  let s = uri.trim();
  const lt = s.indexOf("<");
  if (lt !== -1) s = s.slice(lt + 1, s.indexOf(">", lt) === -1 ? undefined : s.indexOf(">", lt));
  s = s.replace(/^sips?:/i, "");
  const semi = s.indexOf(";");
  if (semi !== -1) s = s.slice(0, semi);
  s = s.trim();
  if (s.length === 0 || s.length > 256) return null;
  return own(s.toLowerCase());
}

function contactExpires(contact: string | null): number | null {
  if (!contact) return null;
  const m = /;\s*expires=(\d{1,9})/i.exec(contact);
  return m ? Number(m[1]) : null;
}
