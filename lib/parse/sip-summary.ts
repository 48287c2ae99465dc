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
  const fields = readFields(detail, rest);
  const code = fields.get("Code");
  const cseq = fields.get("CSeq");
  return {
    verb,
    method: fields.get("Method") ?? null,
    code: code !== undefined && /^\d{3}$/.test(code) ? Number(code) : null,
    cseq: cseq !== undefined && /^\d{1,10}$/.test(cseq) ? Number(cseq) : null,
    requestUri: fields.get("Request-URI") ?? null,
    to: fields.get("To") ?? null,
    callId: fields.get("Call-ID") ?? null,
    fromTag: fields.get("From-Tag") ?? null,
    toTag: fields.get("To-Tag") ?? null,
    msgHash: fields.get("Msg-Hash") ?? null,
    localSessionId: fields.get("Local-SessionID") ?? null,
    remoteSessionId: fields.get("Remote-SessionID") ?? null,
  };
}

/** `Key=value, Key=value`: a comma only separates when a `Key=` follows, so URIs with commas survive. */
function readFields(text: string, from: number): Map<string, string> {
  const out = new Map<string, string>();
  let i = from;
  let key: string | null = null;
  let valueStart = 0;
  const put = (end: number) => {
    if (key === null || out.has(key)) return;
    let a = valueStart;
    let b = end;
    while (a < b && text.charCodeAt(a) === 32) a++;
    while (b > a && text.charCodeAt(b - 1) === 32) b--;
    if (b > a) out.set(key, text.slice(a, Math.min(b, a + MAX_VALUE))); // `To-Tag=` means none
  };
  for (;;) {
    // a key: spaces, a name of letters, digits and `-`, then `=`
    let s = i;
    while (s < text.length && text.charCodeAt(s) === 32) s++;
    let e = s;
    while (e < text.length && e - s < 24 && isKeyChar(text.charCodeAt(e))) e++;
    if (e > s && text.charCodeAt(e) === 61) {
      put(i > from ? i - 1 : i);
      key = text.slice(s, e);
      valueStart = e + 1;
    }
    const comma = text.indexOf(",", Math.max(e, i));
    if (comma === -1) break;
    i = comma + 1;
  }
  put(text.length);
  return out;
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
