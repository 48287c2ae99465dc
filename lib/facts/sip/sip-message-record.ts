// One SIP message as Expressway logged it: the INFO summary line and the SIPMSG block of the same
// message (found by Msg-Hash) merged into one record; either half alone is a record too.
import type { SdpSummary } from "@/lib/parse/sip-message";

export type SipMessageRecord = {
  /** arrival order in the bundle, to keep a stable order for equal times */
  seq: number;
  /** epoch ms of the syslog stamp (NaN when unreadable) */
  ms: number;
  time: string;
  host: string;
  /** logged by Expressway's B2BUA process rather than the proxy */
  b2bua: boolean;
  dir: "in" | "out";
  localIp: string | null;
  localPort: number | null;
  peerIp: string | null;
  peerPort: number | null;
  method: string | null;
  code: number | null;
  reasonPhrase: string | null;
  cseq: number | null;
  callId: string | null;
  fromTag: string | null;
  toTag: string | null;
  requestUri: string | null;
  toUri: string | null;
  fromUri: string | null;
  localSessionId: string | null;
  remoteSessionId: string | null;
  warning: string | null;
  reasonHeader: string | null;
  userAgent: string | null;
  contact: string | null;
  expires: number | null;
  sdp: SdpSummary | null;
  /** the file and line of the summary line, else of the block's timestamped line */
  file: string;
  line: number;
  blockLine: number | null;
  /** the log line at file:line as written (clipped), for evidence */
  lineText: string;
  /** the SIPMSG block as written (LogBlock.rawText, clipped): the message text is made of it when shown */
  block: string | null;
  /** lines of the block past the reader's limit, or the block clipped */
  blockTruncated: boolean;
  /** unparseable start line in the block */
  malformed: boolean;
  /** whether the block's fields are filled in (false: read from `block` when asked, see SipCollector.parsed) */
  blockParsed: boolean;
  /** the summary line gave To-Tag, empty or not: an INVITE's dialog is known without its block */
  toTagSaid: boolean;
  /** an INVITE request whose unparsed block has SDP lines: an offer, read when its call is summarised */
  sdpUnread: boolean;
  /** characters of text this record counts against the collector's budget while a call holds it; -1 when none holds it */
  held: number;
  /** which half of the message this record was made from, until its mate arrives */
  half: "summary" | "block" | "both";
};
