// The Detail of a `Module="network.sip"` INFO line: Expressway's one-line summary of a SIP message
// it received or sent, e.g. `Receive Request Method=INVITE, CSeq=1, Request-URI=sip:a@b, Call-ID=...`.
// Real lines pad values with spaces (`Request-URI=sip:jorobb@rtp.ciscotac.net , Call-ID=...`,
// `Detail=" Sending Response Code=404 , Method=INVITE"`, TN 212475) and older builds write `To=`
// instead of `Request-URI=` and leave out the session ids: read every key by name, trim values.

export type SipSummaryVerb = "receive_request" | "sending_request" | "receive_response" | "sending_response";

export type SipSummary = {
  verb: SipSummaryVerb;
  /** INVITE, ACK, BYE...; for responses the method of the request answered (from `Method=`) */
  method: string | null;
  /** the response code; null for requests */
  code: number | null;
  cseq: number | null;
  requestUri: string | null;
  to: string | null;
  callId: string | null;
  fromTag: string | null;
  toTag: string | null;
  /**
   * whether the line gave To-Tag at all, empty or not: an INVITE whose summary says `To-Tag=` is known
   * to be out of dialog without its SIPMSG block (older builds leave the key out)
   */
  toTagSaid: boolean;
  msgHash: string | null;
  localSessionId: string | null;
  remoteSessionId: string | null;
};

const VERBS: readonly [string, SipSummaryVerb][] = [
  ["Receive Request", "receive_request"],
  ["Sending Request", "sending_request"],
  ["Receive Response", "receive_response"],
  ["Sending Response", "sending_response"],
];

/** Values longer than this are cut: a hostile line must not make one field huge. */
const MAX_VALUE = 512;

/** Parses a summary Detail; null when it is not one of the four verbs. */
export function parseSipSummary(detail: string): SipSummary | null {
  let start = 0;
  while (start < detail.length && detail.charCodeAt(start) === 32) start++;
  let verb: SipSummaryVerb | null = null;
  let rest = start;
  for (const [text, v] of VERBS) {
    if (detail.startsWith(text, start)) {
      verb = v;
      rest = start + text.length;
      break;
    }
  }
  if (verb === null) return null;
  const f = readFields(detail, rest);
  const code = f[CODE];
  const cseq = f[CSEQ];
  return {
    verb,
    method: given(f[METHOD]),
    code: code !== null && code.length === 3 && allDigits(code) ? Number(code) : null,
    cseq: cseq !== null && cseq.length <= 10 && allDigits(cseq) ? Number(cseq) : null,
    requestUri: given(f[REQUEST_URI]),
    to: given(f[TO]),
    callId: given(f[CALL_ID]),
    fromTag: given(f[FROM_TAG]),
    toTag: given(f[TO_TAG]),
    toTagSaid: f[TO_TAG] !== null,
    msgHash: given(f[MSG_HASH]),
    localSessionId: given(f[LOCAL_SESSION]),
    remoteSessionId: given(f[REMOTE_SESSION]),
  };
}

/** The keys a summary is read for, by slot; any other key is stepped over without making a string. */
const KEYS = ["Method", "Code", "CSeq", "Request-URI", "To", "Call-ID", "From-Tag", "To-Tag", "Msg-Hash", "Local-SessionID", "Remote-SessionID"];
const [METHOD, CODE, CSEQ, REQUEST_URI, TO, CALL_ID, FROM_TAG, TO_TAG, MSG_HASH, LOCAL_SESSION, REMOTE_SESSION] = KEYS.map((_, i) => i);

/** KEYS' slots by key length, so that a key is compared with the one or two of its length only. */
const BY_LENGTH: number[][] = [];
KEYS.forEach((key, slot) => (BY_LENGTH[key.length] ??= []).push(slot));

/** The slot of the key at [s, e) of `text`, or -1. */
function slotOf(text: string, s: number, e: number): number {
  const slots = BY_LENGTH[e - s];
  if (slots === undefined) return -1;
  for (let k = 0; k < slots.length; k++) if (text.startsWith(KEYS[slots[k]], s)) return slots[k];
  return -1;
}

/** A slot's value: "" (the key with an empty value) is no value. */
function given(v: string | null): string | null {
  return v === "" ? null : v;
}

/**
 * `Key=value, Key=value` into KEYS' slots (the first value given for a key wins; `To-Tag=` gives none,
 * kept as "" until a value comes): a comma only separates when a `Key=` follows, so URIs with commas survive.
 */
function readFields(text: string, from: number): (string | null)[] {
  const out: (string | null)[] = new Array<string | null>(KEYS.length).fill(null);
  let i = from;
  let slot = -2; // -2: no key yet; -1: a key this reader does not keep
  let valueStart = 0;
  for (;;) {
    // a key: spaces, a name of letters, digits and `-`, then `=`
    let s = i;
    while (s < text.length && text.charCodeAt(s) === 32) s++;
    let e = s;
    while (e < text.length && e - s < 24 && isKeyChar(text.charCodeAt(e))) e++;
    if (e > s && text.charCodeAt(e) === 61) {
      if (slot >= 0) put(text, out, slot, valueStart, i > from ? i - 1 : i);
      slot = slotOf(text, s, e);
      valueStart = e + 1;
    }
    const comma = text.indexOf(",", Math.max(e, i));
    if (comma === -1) break;
    i = comma + 1;
  }
  if (slot >= 0) put(text, out, slot, valueStart, text.length);
  return out;
}

function put(text: string, out: (string | null)[], slot: number, start: number, end: number): void {
  const had = out[slot];
  if (had !== null && had !== "") return;
  let a = start;
  let b = end;
  while (a < b && text.charCodeAt(a) === 32) a++;
  while (b > a && text.charCodeAt(b - 1) === 32) b--;
  out[slot] = b > a ? text.slice(a, Math.min(b, a + MAX_VALUE)) : "";
}

/** One or more ASCII digits, and nothing else (what /^\d+$/ accepts). */
function allDigits(v: string): boolean {
  if (v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isKeyChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

/** The all-zero session UUID Expressway writes when the other side has none: never a join key. */
export function isUsableSessionId(id: string | null | undefined): id is string {
  if (!id || id.length < 8 || id.length > 64) return false;
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== 48) return true;
  return false;
}
