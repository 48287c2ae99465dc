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
  let key: string | null = null;
  let value = "";
  const put = () => {
    if (key === null || out.has(key)) return;
    const v = value.trim();
    if (v.length > 0) out.set(key, v.length > MAX_VALUE ? v.slice(0, MAX_VALUE) : v); // `To-Tag=` means none
  };
  for (const piece of text.slice(from).split(",")) {
    const m = KEY_RE.exec(piece);
    if (m !== null) {
      put();
      key = m[1];
      value = piece.slice(m[0].length);
    } else if (key !== null && value.length < MAX_VALUE) {
      value += `,${piece}`;
    }
  }
  put();
  return out;
}

const KEY_RE = /^ *([A-Za-z][A-Za-z0-9-]{0,23})=/;

/** The all-zero session UUID Expressway writes when the other side has none: never a join key. */
export function isUsableSessionId(id: string | null | undefined): id is string {
  if (!id || id.length < 8 || id.length > 64) return false;
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== 48) return true;
  return false;
}
