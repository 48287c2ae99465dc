// The call engine's collector: turns the `Module="network.sip"` entries of the logs (INFO summary
// lines and SIPMSG blocks) and the Event-log call lines into calls and registrations.
//
// - A message's two halves meet by Msg-Hash (host, hash and direction) within a small window;
//   what never meets its other half is counted, and still placed.
// - Messages group into calls by Call-ID; legs with another Call-ID (a B2BUA, MRA) join the call
//   through Session-ID / Local-SessionID / Remote-SessionID, never the all-zero id, and never across
//   calls far apart in time (refused joins are counted, not made).
// - Memory is bounded: a finished call is folded into a small summary once it has been idle for a
//   while, and its message list is kept only for the first N calls of its cause
//   (`messagesPerCause`); past `maxCalls` summaries, answered calls go first and only counts remain.
//   Open calls' message lists are capped per call and in total (`maxRetainedMessages`); a call lets
//   go of its list once its final answer or BYE shows its cause has its ladders, and at most
//   `maxOpenCalls` calls are held open.
// - A SIPMSG block is parsed when it comes only if placing its message needs it; the others keep
//   their text and are parsed when a summary or a ladder asks (most never are).
import { type LogBlock, type LogEntry, type LogReaderOptions, blockLines } from "@/lib/parse/log-reader";
import { findValues } from "@/lib/parse/name-value";
import { own, ownOrNull, word } from "@/lib/parse/own-string";
import { stampMs } from "@/lib/parse/syslog-prefix";
import { isUsableSessionId, parseSipSummary } from "@/lib/parse/sip-summary";
import { messageLineText, parseSipMessage, startLineKind, startLineLabel } from "@/lib/parse/sip-message";
import {
  type CallEntity,
  type CallMessage,
  type CallState,
  type CallSummary,
  type CallsOutput,
  type SdpOffer,
  type SipReading,
  STATE_ORDER,
  emptySipReading,
} from "@/lib/results/calls";
import type { SipMessageRecord } from "@/lib/facts/sip/sip-message-record";
import { RegistrationBook, normalizeAor } from "@/lib/facts/sip/registrations";
import type { LogEventFacts } from "@/lib/facts/log-events";

export type SipLimits = {
  /** calls per cause whose whole message list is kept (default 25; SIP_MESSAGES_PER_CAUSE) */
  messagesPerCause: number;
  /** call summaries listed (default 5000); failed calls are kept first */
  maxCalls: number;
  /** messages kept per call (default 400) */
  maxMessagesPerCall: number;
  /** messages held by calls not yet folded, in total (default 16000) */
  maxRetainedMessages: number;
  /** characters of message text (and ~400 per record) held by calls not yet folded, in total (default 8 M: ~3,600 messages of a real MRA call, ~25 MB of heap) */
  maxRetainedChars: number;
  /** characters of message text kept per message (default 12000) */
  maxMessageChars: number;
  /** AORs listed (default 5000) */
  maxRegistrations: number;
  /**
   * open calls past which the finished idle ones are folded even without memory pressure (default 400;
   * calls whose ladder is taken hold too little to cause any). Below it nothing is folded before the
   * end, so that legs logged in another peer's file still find their call.
   */
  openCallsFoldedAt: number;
  /**
   * open calls at most (default 10000): past it the longest-idle ones, finished or not, are folded as
   * they stand (an unfinished one is listed in progress, cut at its end), so that a log of calls that
   * never end cannot grow memory without limit
   */
  maxOpenCalls: number;
};

export const DEFAULT_SIP_LIMITS: SipLimits = {
  messagesPerCause: 25,
  maxCalls: 5000,
  maxMessagesPerCall: 400,
  maxRetainedMessages: 16_000,
  maxRetainedChars: 8_000_000,
  maxMessageChars: 12_000,
  maxRegistrations: 5000,
  openCallsFoldedAt: 400,
  maxOpenCalls: 10_000,
};

/** What a bundle without SIP gives: no calls, no registrations, nothing read. */
export function emptySipFacts(): CallsOutput {
  return new SipCollector().finish();
}

/** SIP_MESSAGES_PER_CAUSE overrides how many calls per cause keep their whole message list. */
export function sipLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<SipLimits> {
  const n = Number(env.SIP_MESSAGES_PER_CAUSE);
  return env.SIP_MESSAGES_PER_CAUSE !== undefined && Number.isInteger(n) && n >= 0 && n <= 10_000 ? { messagesPerCause: n } : {};
}

/** Message lines a SIPMSG block keeps for the parser and the message text (headers and an SDP). */
export const SIP_BLOCK_LINES = 160;

/** What the reader keeps of a block: SIPMSG ones, in full up to SIP_BLOCK_LINES. */
export const SIP_READER_OPTIONS: LogReaderOptions = {
  maxBlockLines: SIP_BLOCK_LINES,
  keepBlock: (_prefix, text) => text.indexOf('"network.sip"') !== -1,
};

/** Methods that make or belong to a call; a Call-ID first seen with another method is not a call. */
const CALL_METHODS = new Set(["INVITE", "ACK", "BYE", "CANCEL", "PRACK", "UPDATE"]);
/** In-dialog methods attached to a call when it exists. */
const IN_DIALOG = new Set(["INFO", "REFER", "NOTIFY", "OPTIONS", "MESSAGE"]);

/** The pairs of a network.sip line the collector reads (see onEntry), by slot. */
const LINE_PAIRS = ["Module", "Action", "Src-ip", "Dst-ip", "Detail", "Msg-Hash", "Local-ip", "Local-port", "Src-port", "Dst-port"];
const [MODULE, ACTION, SRC_IP, DST_IP, DETAIL, MSG_HASH, LOCAL_IP, LOCAL_PORT, SRC_PORT, DST_PORT] = LINE_PAIRS.map((_, i) => i);

const PAIR_WINDOW = 4096;
/**
 * A finished call is folded once idle this long (under memory pressure): SIP's Timer B/F (64 x T1 = 32 s)
 * ends any transaction within it, so its ACK or the 200 to its BYE has come. (Two minutes kept ~1,500
 * calls open in a busy log, 40 MB of a 1 GiB analysis's heap.)
 */
const IDLE_CLOSE_MS = 32_000;
/** A finished call without its message list (see ladderTaken) is folded once idle this long. */
const LISTLESS_CLOSE_MS = 4_000;
/** a Call-ID's new initial INVITE this long after its call finished is a new call */
const REUSE_GAP_MS = 30 * 60_000;
/** legs further apart than this are not joined into one call */
const JOIN_WINDOW_MS = 10 * 60_000;
const MAX_LEGS = 16;
const MAX_OFFERS = 4;
const MAX_FINALS = 8;
const EVENT_WINDOW_MS = 10_000;

type Entity = { id: string; kind: "expressway" | "peer"; ip: string | null; host: string | null; role: string | null; ports: Set<number> };

type Row = SipMessageRecord & { fromId: string; toId: string };

/** A call's summary with its message list when its cause kept one (CallsOutput's calls). */
type ListedCall = CallSummary & { messages: CallMessage[] | null };

type OpenCall = {
  key: string;
  callIds: Set<string>;
  sessionIds: Set<string>;
  fromTags: Set<string>;
  hosts: Set<string>;
  entities: Map<string, Entity>;
  firstMs: number;
  firstTime: string | null;
  lastMs: number;
  lastTime: string | null;
  initial: Row | null;
  firstRow: Row | null;
  initialCseqs: Set<number>;
  finals: Row[];
  challenged: Set<number>;
  answered: boolean;
  cancel: Row | null;
  bye: Row | null;
  offers: Row[];
  messages: Row[] | null;
  messageCount: number;
  closed: ListedCall | null;
};

/** A `Search Completed` event that found nothing, as the needle scan recorded it (lib/facts/log-events). */
export type SearchNotFoundEvent = { peer: string | null; timestamp: string | null; dstAlias: string | null };

export function searchesFromEvents(events: Pick<LogEventFacts, "events">): SearchNotFoundEvent[] {
  return (events.events.sip_search_not_found ?? []).map((e) => ({ peer: e.peer, timestamp: e.timestamp, dstAlias: e.fields["Dst-alias"] ?? null }));
}

export class SipCollector {
  readonly name = "sip";
  readonly reader = SIP_READER_OPTIONS;
  private readonly limits: SipLimits;
  private seq = 0;
  private readonly pending = new Map<string, SipMessageRecord | null>();
  private readonly byCallId = new Map<string, OpenCall>();
  private readonly bySession = new Map<string, OpenCall>();
  private readonly open = new Set<OpenCall>();
  private readonly closed: ListedCall[] = [];
  /** the last call of the list after its latest trim (see close) */
  private lastListed: CallSummary | null = null;
  private retained = 0;
  /** the current entry's LINE_PAIRS values */
  private readonly pairs: (string | null)[] = [];
  /** open calls past which finished idle ones are folded (see foldIdle) */
  private foldAt: number;
  /** OPTIONS keep-alives outside calls, by their block and by their summary line (see finish) */
  private keepAliveBlocks = 0;
  private keepAliveSummaries = 0;
  private retainedChars = 0;
  private callCount = 0;
  private readonly keptPerCause = new Map<string, number>();
  private readonly byCause = new Map<string, number>();
  private readonly byState = new Map<string, number>();
  private callsNotListed = 0;
  private readonly registrations: RegistrationBook;
  private readonly ipToHost = new Map<string, string>();
  private fileLastMs = -Infinity;
  private finished = false;
  readonly reading: SipReading = emptySipReading();

  constructor(limits: Partial<SipLimits> = {}) {
    this.limits = { ...DEFAULT_SIP_LIMITS, ...limits };
    this.foldAt = this.limits.openCallsFoldedAt;
    this.registrations = new RegistrationBook(this.limits.maxRegistrations);
  }

  wantsModule(module: string): boolean {
    return module.trim() === "network.sip";
  }

  /** An entry of a log file: a network.sip line with its SIPMSG block, if any. */
  onEntry(file: string, entry: LogEntry): void {
    // every pair a message needs, read in one pass: this runs on every network.sip line
    findValues(entry.text, entry.prefix.messageStart, LINE_PAIRS, this.pairs);
    const module = this.pairs[MODULE];
    if (module === null || module.trim() !== "network.sip") return;
    this.onSipEntry(file, entry);
  }

  /** A keep-alive the scan recognised (the same as onSipEntry's first test, without the entry). */
  onKeepAlive(_file: string): void {
    this.reading.messageBlocks++;
    this.keepAliveBlocks++;
  }

  onFileEnd(_file: string): void {
    this.fileLastMs = -Infinity;
  }

  private onSipEntry(file: string, entry: LogEntry): void {
    const text = entry.text;
    const from = entry.prefix.messageStart;
    const pairs = this.pairs;
    const block = entry.block !== null && entry.block.marker === "SIPMSG" ? entry.block : null;
    if (block !== null && isKeepAlive(block) && text.indexOf('Detail="', from) === -1) {
      // OPTIONS keep-alives are most of a quiet log: counted, never parsed, never paired (a summary
      // line of one is counted apart, see finish).
      this.onKeepAlive(file);
      return;
    }
    const action = (pairs[ACTION] ?? "").trim();
    const srcIp = pairs[SRC_IP];
    const received = action === "Received" || (action === "" && srcIp !== null);
    const sent = action === "Sent" || (action === "" && srcIp === null && pairs[DST_IP] !== null);
    if (!received && !sent) return;
    const detail = pairs[DETAIL] ?? undefined;
    const ms = stampMs(entry.prefix.timestamp);
    if (ms < this.fileLastMs - 1000) this.reading.outOfOrder++;
    if (ms > this.fileLastMs) this.fileLastMs = ms;

    const summary = detail !== undefined ? parseSipSummary(detail) : null;
    if (summary === null && block === null) return;
    // a block's own line names its message by Msg-Hash
    const blockHash = summary === null ? trimmed(pairs[MSG_HASH]) : null;
    if (blockHash !== null && this.blockOfWaitingSummary(file, entry, block!, received, blockHash)) return;
    if (block === null && summary !== null && summary.method !== null && summary.method.toUpperCase() === "OPTIONS" && (summary.callId === null || !this.byCallId.has(summary.callId))) {
      // the summary line of a keep-alive: counted like its block, not paired with it
      this.reading.summaryLines++;
      this.keepAliveSummaries++;
      return;
    }

    const base: SipMessageRecord = {
      seq: this.seq++,
      ms,
      time: entry.prefix.timestamp,
      host: entry.prefix.host,
      b2bua: entry.prefix.process.toLowerCase().includes("b2bua"),
      dir: received ? "in" : "out",
      localIp: trimmed(pairs[LOCAL_IP]),
      localPort: port(pairs[LOCAL_PORT]),
      peerIp: trimmed(received ? srcIp : pairs[DST_IP]),
      peerPort: port(pairs[received ? SRC_PORT : DST_PORT]),
      method: null,
      code: null,
      reasonPhrase: null,
      cseq: null,
      callId: null,
      fromTag: null,
      toTag: null,
      requestUri: null,
      toUri: null,
      fromUri: null,
      localSessionId: null,
      remoteSessionId: null,
      warning: null,
      reasonHeader: null,
      userAgent: null,
      contact: null,
      expires: null,
      sdp: null,
      file,
      line: entry.line,
      blockLine: null,
      lineText: clip(entry.text, 2000),
      block: null,
      blockTruncated: false,
      malformed: false,
      blockParsed: true,
      toTagSaid: false,
      sdpUnread: false,
      held: -1,
      half: "summary",
    };
    this.learnHost(base.localIp, base.host);

    let hash: string | null = null;
    if (summary !== null) {
      this.reading.summaryLines++;
      base.method = summary.method;
      base.code = summary.code;
      base.cseq = summary.cseq;
      base.callId = summary.callId;
      base.fromTag = summary.fromTag;
      base.toTag = summary.toTag;
      base.toTagSaid = summary.toTagSaid;
      base.requestUri = summary.requestUri;
      base.toUri = summary.to;
      base.localSessionId = summary.localSessionId;
      base.remoteSessionId = summary.remoteSessionId;
      hash = summary.msgHash;
    }
    if (block !== null) {
      this.reading.messageBlocks++;
      this.readBlock(base, block);
      hash ??= blockHash;
    }
    const half: "summary" | "block" | "both" = summary !== null && block !== null ? "both" : summary !== null ? "summary" : "block";
    base.half = half;
    if (half === "both" || hash === null) {
      this.countUnpaired(half);
      this.place(base);
      return;
    }
    const key = pairKey(base.host, hash, base.dir);
    if (this.pending.has(key)) {
      const mate = this.pending.get(key)!;
      this.pending.delete(key);
      this.reading.paired++;
      if (mate === null) return; // its first half was a message we do not keep (OPTIONS...)
      this.merge(mate, base, half);
      return;
    }
    // Every half waits for its mate, even one not kept (null), so the mate is recognised.
    this.remember(key, this.place(base) ? base : null);
  }

  private remember(key: string, rec: SipMessageRecord | null): void {
    if (this.pending.has(key)) {
      // the mate of a skipped half
      this.pending.delete(key);
      this.reading.paired++;
      return;
    }
    this.pending.set(key, rec);
    if (this.pending.size > PAIR_WINDOW) {
      const oldest = this.pending.keys().next().value as string;
      const old = this.pending.get(oldest);
      this.pending.delete(oldest);
      if (old) this.countUnpaired(old.half);
    }
  }

  private countUnpaired(half: "summary" | "block" | "both"): void {
    if (half === "summary") this.reading.summariesWithoutBlock++;
    else if (half === "block") this.reading.blocksWithoutSummary++;
  }

  /**
   * A message's SIPMSG block: kept as one string as written, and parsed now only when what the call
   * engine decides at once needs it (see needsBlockNow); the rest of its fields (From, User-Agent,
   * Reason, Warning...) are read from that string when a summary or a ladder asks for them (see
   * parsed). Most messages of a busy log are never parsed: their calls are counted, not listed.
   */
  private readBlock(m: SipMessageRecord, block: LogBlock, call?: OpenCall): void {
    m.blockLine = block.firstLine;
    // The start line is read now: a malformed one counts in the reading report, and a response's code
    // may be needed at once.
    const start = block.firstRaw;
    const kind = startLineKind(start === null ? "" : messageLineText(start, true));
    const now = kind === "unknown" || (kind === "response" && m.code === null) || needsBlockNow(m);
    // An INVITE's SDP makes it an offer of its call's summary: seen now, read when the call is summarised.
    const offer = !now && kind === "request" && isInviteRequest(m) && hasSdpLines(block);
    if (call !== undefined && (call.closed !== null || call.messages === null) && (now || call.closed !== null || (!isSummaryRow(call, m as Row) && !offer))) {
      // A placed message of a call without a list: no ladder will show its text, and only the rows its
      // summary keeps need the block's fields (they keep it, read when the summary is made, if it is).
      if (now) this.parseBlock(m, block.lines);
      return;
    }
    // The message text is made of the block only for the messages a ladder shows (see messageText).
    const raw = block.rawText();
    const max = this.limits.maxMessageChars * 2;
    m.block = raw.length > max ? raw.slice(0, max) : raw;
    m.blockTruncated = block.lineCount > block.kept || m.block.length < raw.length;
    if (now) this.parseBlock(m, block.lines);
    else {
      m.blockParsed = false;
      m.sdpUnread = offer;
    }
  }

  /** The record with its block's fields filled (parsing the block now if readBlock left it). */
  private parsed(m: SipMessageRecord): SipMessageRecord {
    if (!m.blockParsed && m.block !== null) this.parseBlock(m, blockLines(m.block));
    return m;
  }

  private parseBlock(m: SipMessageRecord, lines: readonly string[]): void {
    m.blockParsed = true;
    const msg = parseSipMessage(lines);
    if (msg.start.kind === "request") {
      m.method ??= msg.start.method;
      m.requestUri ??= msg.start.uri;
    } else if (msg.start.kind === "response") {
      m.code ??= msg.start.code;
      m.reasonPhrase = msg.start.reason || null;
      if (msg.cseq) m.method ??= msg.cseq.method;
    } else if (!m.malformed) {
      m.malformed = true;
      this.reading.malformedStartLines++;
    }
    if (msg.cseq) m.cseq ??= msg.cseq.seq;
    m.callId ??= msg.callId;
    if (msg.from) {
      m.fromUri = msg.from.uri;
      m.fromTag ??= msg.from.tag;
    }
    if (msg.to) {
      m.toUri ??= msg.to.uri;
      m.toTag ??= msg.to.tag;
    }
    if (msg.sessionId) {
      m.localSessionId ??= msg.sessionId.local;
      m.remoteSessionId ??= msg.sessionId.remote;
    }
    m.warning = msg.warning;
    m.reasonHeader = msg.reason;
    m.userAgent = msg.userAgent ?? msg.server;
    m.contact = msg.contact;
    m.expires = msg.expires;
    m.sdp = msg.sdp;
  }

  /** The message as the ladder shows it: its block's lines without the log's bars, within maxMessageChars. */
  private messageText(m: SipMessageRecord): { text: string | null; truncated: boolean } {
    if (m.block === null) return { text: null, truncated: false };
    const lines = blockLines(m.block);
    const max = this.limits.maxMessageChars;
    let text = "";
    let truncated = m.blockTruncated;
    // trailing blank lines (the real layout's closing space) are left out
    let last = lines.length;
    while (last > 1 && lines[last - 1].trim().length === 0) last--;
    for (let i = 0; i < last; i++) {
      const t = messageLineText(lines[i], i === 0);
      if (text.length + t.length + 1 > max) {
        truncated = true;
        break;
      }
      text += i === 0 ? t : `\n${t}`;
    }
    return { text, truncated };
  }

  /**
   * A SIPMSG block whose summary line came just before it (the order Expressway writes them at DEBUG):
   * the block is read straight into the summary's record, which already has what the block's own line
   * says (addresses, ports), instead of into a record of its own that merge() would fold in. False
   * when no summary waits for it.
   */
  private blockOfWaitingSummary(file: string, entry: LogEntry, block: LogBlock, received: boolean, hash: string): boolean {
    const key = pairKey(entry.prefix.host, hash, received ? "in" : "out");
    const mate = this.pending.get(key);
    if (mate === undefined || (mate !== null && (mate.half !== "summary" || mate.file !== file))) return false;
    this.pending.delete(key);
    this.reading.paired++;
    this.reading.messageBlocks++;
    if (mate === null) return true; // its summary was a message we do not keep (OPTIONS...)
    const call = mate.callId !== null ? this.byCallId.get(mate.callId) : undefined;
    const hadOffer = hasOffer(mate);
    // a summary sets none of the fields readBlock fills without `??=`, so this is merge()'s result
    this.readBlock(mate, block, call);
    // the pairs of this block's own line (onEntry read them)
    const pairs = this.pairs;
    if (mate.localIp === null) {
      mate.localIp = trimmed(pairs[LOCAL_IP]);
      this.learnHost(mate.localIp, mate.host);
    }
    mate.localPort ??= port(pairs[LOCAL_PORT]);
    mate.peerIp ??= trimmed(pairs[received ? SRC_IP : DST_IP]);
    mate.peerPort ??= port(pairs[received ? SRC_PORT : DST_PORT]);
    this.settleMerged(mate, call, hadOffer);
    return true;
  }

  /** An Expressway of the bundle, known by the Local-ip its lines give (see resolveEntity). */
  private learnHost(localIp: string | null, host: string): void {
    if (localIp && this.ipToHost.size < 4096 && !this.ipToHost.has(localIp)) this.ipToHost.set(localIp, host);
  }

  /** The second half of a message: fills what the first lacked and updates its call. */
  private merge(into: SipMessageRecord, other: SipMessageRecord, half: "summary" | "block" | "both"): void {
    this.parsed(into);
    this.parsed(other);
    const call = into.callId !== null ? this.byCallId.get(into.callId) : undefined;
    const hadOffer = hasOffer(into);
    into.method ??= other.method;
    into.code ??= other.code;
    into.reasonPhrase ??= other.reasonPhrase;
    into.cseq ??= other.cseq;
    into.callId ??= other.callId;
    into.fromTag ??= other.fromTag;
    into.toTag ??= other.toTag;
    into.requestUri ??= other.requestUri;
    into.toUri ??= other.toUri;
    into.fromUri ??= other.fromUri;
    into.localSessionId ??= other.localSessionId;
    into.remoteSessionId ??= other.remoteSessionId;
    into.warning ??= other.warning;
    into.reasonHeader ??= other.reasonHeader;
    into.userAgent ??= other.userAgent;
    into.contact ??= other.contact;
    into.expires ??= other.expires;
    into.sdp ??= other.sdp;
    into.blockLine ??= other.blockLine;
    if (into.block === null && other.block !== null) {
      into.block = other.block;
      into.blockTruncated = other.blockTruncated;
    }
    into.localIp ??= other.localIp;
    into.localPort ??= other.localPort;
    into.peerIp ??= other.peerIp;
    into.peerPort ??= other.peerPort;
    into.malformed ||= other.malformed;
    if (half === "summary") {
      // The summary line is the message's place in the file; the block's line stays as blockLine.
      into.file = other.file;
      into.line = other.line;
      into.lineText = other.lineText;
    }
    this.settleMerged(into, call, hadOffer);
  }

  /** A message whose two halves met: its budget, its registration and its call learn what the second brought. */
  private settleMerged(into: SipMessageRecord, call: OpenCall | undefined, hadOffer: boolean): void {
    into.half = "both";
    if (into.held >= 0) {
      const now = heldChars(into);
      this.retainedChars += now - into.held;
      into.held = now;
    }
    if (into.method === "REGISTER") this.registrations.onLateHalf(into);
    if (call && call.closed === null) {
      this.joinBySession(call, into);
      if (!hadOffer && hasOffer(into) && into.code === null && into.method === "INVITE" && call.offers.length < MAX_OFFERS) call.offers.push(into as Row);
    }
  }

  /** Places a message in its call or registration; false when it is not kept (other methods). */
  private place(m: SipMessageRecord): boolean {
    const method = m.method?.toUpperCase() ?? null;
    if (m.callId === null || method === null) {
      this.reading.unplaced++;
      return false;
    }
    if (method === "REGISTER") {
      this.registrations.onMessage(m);
      return true;
    }
    let call = this.byCallId.get(m.callId);
    const initialInvite = method === "INVITE" && m.code === null && m.toTag === null;
    if (call && initialInvite && this.isReuse(call, m)) {
      this.reading.callIdReused++;
      if (call.closed === null) this.close(call, true);
      call = undefined;
    }
    if (!call) {
      if (!CALL_METHODS.has(method)) {
        this.reading.otherMethods[method] = (this.reading.otherMethods[method] ?? 0) + 1;
        return false;
      }
      call = this.newCall(own(m.callId));
    } else if (!CALL_METHODS.has(method) && !IN_DIALOG.has(method)) {
      this.reading.otherMethods[method] = (this.reading.otherMethods[method] ?? 0) + 1;
      return false;
    }
    if (call.closed !== null) {
      // folded under memory pressure before this message came (another peer's file, a late BYE)
      call.closed.messageCount++;
      this.reading.afterFold++;
      return true;
    }
    this.observe(call, m as Row, method, initialInvite);
    this.joinBySession(call, m);
    return true;
  }

  private isReuse(call: OpenCall, m: SipMessageRecord): boolean {
    const finished = call.closed !== null || call.finals.length > 0 || call.bye !== null;
    if (!finished) return false;
    const last = call.closed ? Date.parse(call.closed.end ?? call.closed.start ?? "") : call.lastMs;
    if (Number.isFinite(last) && Math.abs(m.ms - last) > REUSE_GAP_MS) return true;
    return m.fromTag !== null && call.fromTags.size > 0 && !call.fromTags.has(m.fromTag) && call.closed !== null;
  }

  private newCall(callId: string): OpenCall {
    const call: OpenCall = {
      key: `c${++this.callCount}`,
      callIds: new Set([callId]),
      sessionIds: new Set(),
      fromTags: new Set(),
      hosts: new Set(),
      entities: new Map(),
      firstMs: Infinity,
      firstTime: null,
      lastMs: -Infinity,
      lastTime: null,
      initial: null,
      firstRow: null,
      initialCseqs: new Set(),
      finals: [],
      challenged: new Set(),
      answered: false,
      cancel: null,
      bye: null,
      offers: [],
      messages: [],
      messageCount: 0,
      closed: null,
    };
    // Calls whose lists were let go early hold little, so memory pressure alone would seldom fold them.
    // (Before the new call is open: it has no message yet, and would look the longest idle of all.)
    if (this.open.size >= this.foldAt) this.foldIdle();
    this.byCallId.set(callId, call);
    this.open.add(call);
    return call;
  }

  private observe(call: OpenCall, row: Row, method: string, initialInvite: boolean): void {
    const local = this.localEntity(call, row);
    const peer = this.peerEntity(call, row);
    row.fromId = row.dir === "in" ? peer : local;
    row.toId = row.dir === "in" ? local : peer;
    call.messageCount++;
    if (row.fromTag && call.fromTags.size < 8 && row.code === null && method === "INVITE" && row.toTag === null) call.fromTags.add(own(row.fromTag));
    if (!call.hosts.has(row.host)) call.hosts.add(own(row.host));
    if (row.ms < call.firstMs || call.firstTime === null) {
      call.firstMs = row.ms;
      call.firstTime = row.time;
      call.firstRow = row;
    }
    if (row.ms >= call.lastMs || call.lastTime === null) {
      call.lastMs = row.ms;
      call.lastTime = row.time;
    }
    if (call.messages !== null) {
      if (call.messages.length < this.limits.maxMessagesPerCall) {
        call.messages.push(row);
        this.retained++;
        row.held = heldChars(row);
        this.retainedChars += row.held;
      }
    }
    if (initialInvite) {
      if (row.cseq !== null) call.initialCseqs.add(row.cseq);
      if (call.initial === null || row.ms < call.initial.ms) call.initial = row;
      if (hasOffer(row) && call.offers.length < MAX_OFFERS) call.offers.push(row);
    }
    if (row.code !== null && method === "INVITE") {
      if (row.code >= 200 && row.code < 300) call.answered = true;
      if (row.code === 401 || row.code === 407) {
        if (row.cseq !== null) call.challenged.add(row.cseq);
      }
      if (row.code >= 200) {
        call.finals.push(row);
        if (call.finals.length > MAX_FINALS) call.finals.splice(1, 1);
      }
    }
    if (row.code === null && method === "BYE" && (call.bye === null || row.ms < call.bye.ms)) call.bye = row;
    if (row.code === null && method === "CANCEL" && call.cancel === null) call.cancel = row;
    if (call.messages === null) {
      // a call without its list keeps only what its summary needs
      if (isSummaryRow(call, row)) this.compactRows(call);
    } else if ((row.code !== null ? row.code >= 200 && method === "INVITE" : method === "BYE" || method === "CANCEL") && this.ladderTaken(call)) {
      // its cause has all its ladders already: what comes next of it is counted, not held
      this.letGo(call);
    }
    if (this.retained > this.limits.maxRetainedMessages || this.retainedChars > this.limits.maxRetainedChars) this.relieve();
  }

  private localEntity(call: OpenCall, m: SipMessageRecord): string {
    const id = `x:${m.host}${m.b2bua ? "/b2bua" : ""}`;
    let e = call.entities.get(id);
    if (!e) call.entities.set(id, (e = { id, kind: "expressway", ip: m.localIp, host: m.host, role: m.b2bua ? "B2BUA" : null, ports: new Set() }));
    if (m.localPort !== null && e.ports.size < 8) e.ports.add(m.localPort);
    return id;
  }

  private peerEntity(call: OpenCall, m: SipMessageRecord): string {
    const ip = m.peerIp ?? "unknown";
    const loopback = ip.startsWith("127.") || ip === "::1";
    const id = loopback ? `p:${m.host}/${ip}:${m.peerPort ?? ""}` : `p:${ip}`;
    let e = call.entities.get(id);
    if (!e) call.entities.set(id, (e = { id, kind: "peer", ip, host: loopback ? m.host : null, role: loopback ? "local service" : null, ports: new Set() }));
    if (m.peerPort !== null && e.ports.size < 8) e.ports.add(m.peerPort);
    return id;
  }

  /** Joins the call with the calls its session ids already name (another leg), within bounds. */
  private joinBySession(call: OpenCall, m: SipMessageRecord): void {
    for (const sid of [m.localSessionId, m.remoteSessionId]) {
      if (!isUsableSessionId(sid)) continue;
      const id = own(sid.toLowerCase());
      const other = this.bySession.get(id);
      if (other === undefined) {
        if (call.sessionIds.size < 32) {
          call.sessionIds.add(id);
          this.bySession.set(id, call);
        }
        continue;
      }
      if (other === call) continue;
      if (other.closed !== null) continue; // its leg is already folded: leave the two apart
      const apart = Math.abs(Math.min(other.firstMs, other.lastMs) - Math.min(call.firstMs, m.ms));
      if (!(apart <= JOIN_WINDOW_MS) || other.callIds.size + call.callIds.size > MAX_LEGS) {
        this.reading.refusedJoins++;
        continue;
      }
      this.absorb(other, call);
      this.reading.legJoins++;
      call = other;
    }
  }

  /** Moves every leg, message and fact of `from` into `into`. */
  private absorb(into: OpenCall, from: OpenCall): void {
    for (const id of from.callIds) {
      into.callIds.add(id);
      this.byCallId.set(id, into);
    }
    for (const s of from.sessionIds) {
      into.sessionIds.add(s);
      this.bySession.set(s, into);
    }
    for (const t of from.fromTags) into.fromTags.add(t);
    for (const h of from.hosts) into.hosts.add(h);
    for (const [id, e] of from.entities) {
      const mine = into.entities.get(id);
      if (!mine) into.entities.set(id, e);
      else for (const p of e.ports) if (mine.ports.size < 8) mine.ports.add(p);
    }
    if (from.firstMs < into.firstMs) {
      into.firstMs = from.firstMs;
      into.firstTime = from.firstTime;
      into.firstRow = from.firstRow;
    }
    if (from.lastMs > into.lastMs) {
      into.lastMs = from.lastMs;
      into.lastTime = from.lastTime;
    }
    // The caller's leg is the earliest initial INVITE.
    if (from.initial && (!into.initial || from.initial.ms < into.initial.ms)) into.initial = from.initial;
    for (const c of from.initialCseqs) into.initialCseqs.add(c);
    for (const c of from.challenged) into.challenged.add(c);
    into.finals.push(...from.finals);
    if (into.finals.length > MAX_FINALS * 2) into.finals.splice(1, into.finals.length - MAX_FINALS * 2);
    into.answered ||= from.answered;
    if (from.cancel && (!into.cancel || from.cancel.ms < into.cancel.ms)) into.cancel = from.cancel;
    if (from.bye && (!into.bye || from.bye.ms < into.bye.ms)) into.bye = from.bye;
    for (const o of from.offers) if (into.offers.length < MAX_OFFERS) into.offers.push(o);
    if (into.messages !== null && from.messages !== null && into.messages.length + from.messages.length <= this.limits.maxMessagesPerCall) {
      into.messages.push(...from.messages);
    } else if (into.messages !== null && from.messages !== null) {
      const room = this.limits.maxMessagesPerCall - into.messages.length;
      const moved = from.messages.splice(0, Math.max(0, room));
      into.messages.push(...moved);
      this.release(from);
    } else {
      // one leg's list was dropped under pressure: the joined call cannot show a whole ladder
      this.release(from);
      this.letGo(into);
    }
    into.messageCount += from.messageCount;
    this.open.delete(from);
  }

  /**
   * Under memory pressure: folds finished calls idle for a while (by the current file's clock), then,
   * if still above 60% of the budget, drops the message lists of the longest-idle open calls. Besides
   * this, only more than `openCallsFoldedAt` open calls fold any (see newCall), so that in a small log
   * legs logged in another peer's file still find their call.
   */
  private relieve(): void {
    this.foldIdle();
    const under = () => this.retained <= this.limits.maxRetainedMessages * 0.6 && this.retainedChars <= this.limits.maxRetainedChars * 0.6;
    if (under()) return;
    const byAge = [...this.open].filter((c) => c.messages !== null).sort((a, b) => a.lastMs - b.lastMs);
    for (const call of byAge) {
      if (under()) break;
      this.letGo(call);
    }
  }

  /** Folds the finished calls idle for a while (by the current file's clock). */
  private foldIdle(): void {
    const now = this.fileLastMs;
    for (const call of this.open) {
      // a call that lost its list has no ladder to wait for: only late messages, which its summary counts
      const idle = now - call.lastMs > (call.messages === null ? LISTLESS_CLOSE_MS : IDLE_CLOSE_MS);
      const finished = call.bye !== null || (!call.answered && call.finals.some((f) => !isChallenge(f.code)));
      if (idle && finished) this.close(call, false);
    }
    if (this.open.size > this.limits.maxOpenCalls) {
      // calls that never end (no final answer, no BYE in the log): the longest idle go as they stand
      const byAge = [...this.open].sort((a, b) => a.lastMs - b.lastMs);
      const keep = Math.floor(this.limits.maxOpenCalls * 0.8);
      for (let i = 0; i < byAge.length - keep; i++) {
        this.close(byAge[i], true);
        this.reading.callsFoldedOpen++;
      }
    }
    // calls not idle yet stay: the next look comes once as many again have opened
    this.foldAt = Math.min(Math.max(this.limits.openCallsFoldedAt, this.open.size * 2), this.limits.maxOpenCalls);
  }

  /**
   * Whether the call's ladder would not be kept whatever comes next of it: its cause so far has its
   * `messagesPerCause` ladders, and so has the cause it would most likely end in instead (answered,
   * once a BYE comes; answered, for a call refused so far). Only the summary's messages (first,
   * initial, finals, BYE) are needed of it then.
   */
  private ladderTaken(call: OpenCall): boolean {
    const full = (cause: string) => (this.keptPerCause.get(cause) ?? 0) >= this.limits.messagesPerCause;
    const { state, cause } = outcome(call);
    if (state === "in_progress" || !full(cause)) return false;
    return (state === "answered" && call.bye !== null) || full(ANSWERED);
  }

  /** Drops the call's message list and what its summary rows hold for a ladder (their text). */
  private letGo(call: OpenCall): void {
    this.release(call);
    this.compactRows(call);
  }

  /**
   * The rows a call without its list still holds for its summary (first, initial, CANCEL, offers), read
   * and stripped of their block text and log line. Finals and the BYE, which may decide the call and
   * become its evidence, keep both, and so do INVITEs not read yet (the initial one, offers): they are
   * read only if the call is listed (most are cut unread). A call holds at most MAX_OFFERS + 1 of those.
   */
  private compactRows(call: OpenCall): void {
    const strip = (r: Row | null) => {
      if (r === null || r.block === null || r === call.bye || call.finals.includes(r) || (!r.blockParsed && isInviteRequest(r))) return;
      this.parsed(r);
      r.block = null;
      r.blockTruncated = false;
      r.lineText = "";
    };
    strip(call.initial);
    strip(call.firstRow);
    strip(call.cancel);
    for (const r of call.offers) strip(r);
  }

  private release(call: OpenCall): void {
    if (call.messages === null) return;
    this.retained -= call.messages.length;
    for (const m of call.messages) {
      if (m.held > 0) this.retainedChars -= m.held;
      m.held = -1;
    }
    call.messages = null;
  }

  /** Decides the call's state and cause, keeps its messages if its cause still has room. */
  private close(call: OpenCall, forced: boolean): void {
    if (call.closed !== null) return;
    this.open.delete(call);
    const decided = outcome(call);
    // Once the list is full, a call ordered after its last one would only be cut at the next trim
    // (in a busy log, nearly every answered call): it is counted and cut now, without a summary.
    if (this.lastListed !== null && this.closed.length >= this.limits.maxCalls && listOrder({ state: decided.state, start: call.firstTime, id: call.key }, this.lastListed) > 0) {
      if (call.initial === null) this.reading.callsWithoutInvite++;
      this.callsNotListed++;
      this.retire(call, decided);
      this.forgetCall(call);
      return;
    }
    const summary = this.summarize(call, forced, decided);
    const kept = this.keptPerCause.get(summary.cause) ?? 0;
    let messages: CallMessage[] | null = null;
    if (call.messages !== null && kept < this.limits.messagesPerCause) {
      this.keptPerCause.set(summary.cause, kept + 1);
      messages = this.rows(call, call.messages);
    }
    summary.messagesKept = messages !== null;
    call.closed = summary;
    call.firstTime = summary.start;
    call.lastTime = ownOrNull(call.lastTime);
    // the summary answers late messages and reuse checks
    this.retire(call, decided);
    summary.messages = messages;
    this.closed.push(summary);
    if (this.closed.length > this.limits.maxCalls * 1.1) this.trimClosed();
  }

  private trimClosed(): void {
    this.closed.sort(listOrder);
    const cut = this.closed.splice(this.limits.maxCalls);
    this.lastListed = this.closed[this.closed.length - 1] ?? null;
    this.callsNotListed += cut.length;
    this.forget(cut);
  }

  /** A closed call, listed or cut: counted by state and cause, and stripped of its list and the rows its summary was made of. */
  private retire(call: OpenCall, decided: ReturnType<typeof outcome>): void {
    this.byCause.set(decided.cause, (this.byCause.get(decided.cause) ?? 0) + 1);
    this.byState.set(decided.state, (this.byState.get(decided.state) ?? 0) + 1);
    this.release(call);
    call.initial = call.firstRow = call.cancel = call.bye = null;
    call.finals = [];
    call.offers = [];
    call.entities = new Map();
  }

  /** Forgets a call cut before its summary was made (see forget). */
  private forgetCall(call: OpenCall): void {
    for (const id of call.callIds) if (this.byCallId.get(id) === call) this.byCallId.delete(id);
    for (const s of call.sessionIds) if (this.bySession.get(s) === call) this.bySession.delete(s);
  }

  /** Forgets calls cut from the list entirely: a later message of theirs starts a new (cut) call, as for any unknown Call-ID. */
  private forget(cut: readonly CallSummary[]): void {
    for (const c of cut) {
      for (const id of c.callIds) {
        const call = this.byCallId.get(id);
        if (call?.closed?.id !== c.id) continue;
        this.byCallId.delete(id);
        for (const s of call.sessionIds) if (this.bySession.get(s) === call) this.bySession.delete(s);
      }
    }
  }

  /**
   * The call's summary, as listed and as its open record keeps it for late messages. Built as one
   * literal: a spread or rest copy gets an object shape of its own in V8 (40,000 of them, 8 MB, for a
   * 1 GiB log's 5,000 listed calls).
   */
  private summarize(call: OpenCall, forced: boolean, decided: ReturnType<typeof outcome>): ListedCall {
    const entities = this.entityList(call);
    const index = new Map(entities.map((e, i) => [e.id, i]));
    const entityLabel = (id: string) => entities[index.get(this.resolveEntity(id)) ?? 0]?.label ?? id;
    const initial = call.initial !== null ? this.parsed(call.initial) : null;
    if (call.firstRow !== null) this.parsed(call.firstRow);
    if (call.bye !== null) this.parsed(call.bye);
    const { state, decider, cause } = decided;
    if (decider !== null) this.parsed(decider);
    const cutStart = initial === null;
    if (cutStart) this.reading.callsWithoutInvite++;
    const end = state === "answered" ? (call.bye?.time ?? null) : call.lastTime;
    const startMs = call.firstMs;
    const endMs = state === "answered" ? (call.bye?.ms ?? NaN) : call.lastMs;
    const duration = Number.isFinite(startMs) && Number.isFinite(endMs) && endMs >= startMs ? Math.round((endMs - startMs) / 100) / 10 : null;
    const cutEnd = state === "in_progress" || (state === "answered" && call.bye === null) || forced;
    const code = decider?.code ?? null;
    // (an offer seen by its SDP lines and read only now may hold no SDP this parser reads)
    const offers: SdpOffer[] = dedupeOffers(call.offers.filter((o) => this.parsed(o).sdp !== null).map((o) => ({
      from: entityLabel(o.fromId),
      to: entityLabel(o.toId),
      label: own(o.requestUri ?? "INVITE"),
      media: (o.sdp?.media ?? []).map((md) => ({ type: word(md.type), proto: word(md.proto), codecs: md.codecs.slice(0, 8).map(word), crypto: md.crypto.map(word) })),
    })));
    const dialled = initial?.requestUri ?? call.firstRow?.requestUri ?? call.firstRow?.toUri ?? null;
    const caller = initial?.fromUri ?? call.firstRow?.fromUri ?? null;
    return {
      // A summary outlives its messages: its strings are its own (see own()), not views of their lines.
      id: call.key,
      callIds: [...call.callIds],
      from: caller ? own(clip(caller, 300)) : null,
      to: dialled ? own(clip(dialled, 300)) : null,
      start: ownOrNull(call.firstTime),
      end: ownOrNull(end),
      durationSeconds: duration,
      state,
      code,
      reason: ownOrNull(decider?.reasonPhrase ?? null),
      warning: ownOrNull(decider?.warning ?? null),
      endedBy: call.bye ? entityLabel(call.bye.fromId) : null,
      endReason: ownOrNull(call.bye?.reasonHeader ?? null),
      cause,
      entities: entities.map((e, i) => ({ label: own(e.label), kind: e.kind, ip: ownOrNull(e.ip), ports: e.ports, host: ownOrNull(e.host), role: e.role, id: `e${i}` })),
      hosts: [...call.hosts],
      userAgent: ownOrNull(initial?.userAgent ?? null),
      messageCount: call.messageCount,
      messagesKept: false,
      cutStart,
      cutEnd,
      challenges: call.challenged.size,
      searchNotFound: false,
      offers,
      evidence: [decider, call.bye].filter((r): r is Row => r !== null && r !== undefined).map((r) => ({ file: r.file, line: r.line, text: clip(r.lineText, 600) })),
      messages: null,
    };
  }

  /** A peer that is another Expressway of the bundle (its Local-ip) is drawn as that Expressway. */
  private resolveEntity(id: string): string {
    if (!id.startsWith("p:") || id.includes("/")) return id;
    const host = this.ipToHost.get(id.slice(2));
    return host !== undefined ? `x:${host}` : id;
  }

  private entityList(call: OpenCall): (CallEntity & { id: string })[] {
    const merged = new Map<string, Entity>();
    for (const e of call.entities.values()) {
      const id = this.resolveEntity(e.id);
      const have = merged.get(id);
      if (have) {
        for (const p of e.ports) if (have.ports.size < 8) have.ports.add(p);
        continue;
      }
      if (id !== e.id) merged.set(id, { id, kind: "expressway", ip: e.ip, host: id.slice(2), role: null, ports: new Set(e.ports) });
      else merged.set(id, { ...e, ports: new Set(e.ports) });
    }
    // Columns in order of appearance: the first message's sender leftmost.
    const order: string[] = [];
    const msgs = call.messages ?? [];
    const seed = call.firstRow ? [call.firstRow, ...msgs] : msgs;
    for (const m of [...seed].sort(byTime)) {
      for (const id of [this.resolveEntity(m.fromId), this.resolveEntity(m.toId)]) if (!order.includes(id)) order.push(id);
    }
    for (const id of merged.keys()) if (!order.includes(id)) order.push(id);
    return order
      .filter((id) => merged.has(id))
      .map((id) => {
        const e = merged.get(id)!;
        const ports = [...e.ports].sort((a, b) => a - b);
        const label =
          e.kind === "expressway" ? `${e.host ?? e.ip ?? "Expressway"}${e.role ? ` ${e.role}` : ""}` : e.role === "local service" ? `${e.host} ${e.ip}:${ports[0] ?? ""}` : (e.ip ?? "unknown");
        return { id, label, kind: e.kind, ip: e.ip, ports, host: e.host, role: e.role };
      });
  }

  private rows(call: OpenCall, messages: Row[]): CallMessage[] {
    const entities = this.entityList(call);
    const index = new Map(entities.map((e, i) => [e.id, i]));
    return [...messages].sort(byTime).map((m, i) => {
      this.parsed(m);
      const { text, truncated } = this.messageText(m);
      return {
        index: i,
        time: m.time,
        from: index.get(this.resolveEntity(m.fromId)) ?? 0,
        to: index.get(this.resolveEntity(m.toId)) ?? 0,
        label: labelOf(m),
        method: m.method,
        code: m.code,
        callId: m.callId,
        cseq: m.cseq !== null ? `${m.cseq}${m.method ? ` ${m.method}` : ""}` : null,
        failure: m.code !== null && m.code >= 300 && !isChallenge(m.code),
        file: m.file,
        line: m.line,
        blockLine: m.blockLine,
        text,
        textTruncated: truncated,
      };
    });
  }

  /**
   * The Event log names no Call-ID: a search that found nothing belongs to the call its Expressway
   * received for that alias within a few seconds. What matches no call is counted.
   */
  private matchSearches(searches: readonly SearchNotFoundEvent[]): void {
    if (searches.length === 0) return;
    const byAlias = new Map<string, ListedCall[]>();
    for (const c of this.closed) {
      const alias = normalizeAor(c.to);
      if (alias === null) continue;
      const list = byAlias.get(alias);
      if (list) list.push(c);
      else byAlias.set(alias, [c]);
    }
    for (const ev of searches) {
      const alias = normalizeAor(ev.dstAlias);
      const ms = ev.timestamp ? Date.parse(ev.timestamp) : NaN;
      const hit = alias === null ? undefined : byAlias.get(alias)?.find((c) => (ev.peer === null || c.hosts.includes(ev.peer)) && Math.abs(Date.parse(c.start ?? "") - ms) <= EVENT_WINDOW_MS);
      if (hit) hit.searchNotFound = true;
      else this.reading.unmatchedEvents++;
    }
  }

  // ---- the end -------------------------------------------------------------------------------

  /** `searches`: the Search Completed events that found nothing, matched to calls by host, alias and time. */
  finish(searches: readonly SearchNotFoundEvent[] = []): CallsOutput {
    if (!this.finished) {
      this.finished = true;
      for (const rec of this.pending.values()) if (rec) this.countUnpaired(rec.half);
      this.pending.clear();
      // A log at DEBUG writes both halves of each keep-alive, one at INFO only the summaries: the larger
      // count is the number of messages (they are not paired, which would cost a lookup each).
      const keepAlives = Math.max(this.keepAliveBlocks, this.keepAliveSummaries);
      if (keepAlives > 0) this.reading.otherMethods.OPTIONS = (this.reading.otherMethods.OPTIONS ?? 0) + keepAlives;
      for (const call of [...this.open].sort((a, b) => a.firstMs - b.firstMs)) this.close(call, false);
      this.matchSearches(searches);
      this.closed.sort(listOrder);
      if (this.closed.length > this.limits.maxCalls) this.callsNotListed += this.closed.splice(this.limits.maxCalls).length;
    }
    const registrations = this.registrations.finish();
    let total = 0;
    for (const n of this.byState.values()) total += n;
    return {
      calls: this.closed,
      registrations,
      counts: {
        calls: total,
        callsNotListed: this.callsNotListed,
        byState: Object.fromEntries(this.byState),
        byCause: Object.fromEntries(this.byCause),
        registrations: registrations.length + this.registrations.notListed,
        registrationsNotListed: this.registrations.notListed,
      },
      reading: this.reading,
      limits: {
        messagesPerCause: this.limits.messagesPerCause,
        maxCalls: this.limits.maxCalls,
        maxMessagesPerCall: this.limits.maxMessagesPerCall,
        maxRegistrations: this.limits.maxRegistrations,
      },
    };
  }
}

/**
 * A call's state, the message that decided it and its cause, from what is known of it so far. After a
 * challenge the client normally retries with a higher CSeq: a challenge only decides the call when
 * nothing came after it.
 */
function outcome(call: OpenCall): { state: CallState; decider: Row | null; cause: string } {
  const finals = call.finals.filter((f) => call.initialCseqs.size === 0 || (f.cseq !== null && call.initialCseqs.has(f.cseq))).sort(byTime);
  const success = finals.find((f) => f.code !== null && f.code < 300) ?? null;
  const lastFinal = finals.length > 0 ? finals[finals.length - 1] : null;
  let state: CallState;
  let decider: Row | null = null;
  if (success) {
    state = "answered";
    decider = success;
  } else if (call.cancel !== null || lastFinal?.code === 487) {
    state = "cancelled";
    decider = lastFinal;
  } else if (lastFinal !== null) {
    const retried = isChallenge(lastFinal.code) && call.initial !== null && lastFinal.cseq !== null && [...call.initialCseqs].some((c) => c > lastFinal.cseq!);
    if (retried) state = "in_progress";
    else {
      decider = lastFinal;
      state = lastFinal.code! >= 500 || lastFinal.code === 408 ? "failed" : "rejected";
    }
  } else state = "in_progress";
  const code = decider?.code ?? null;
  const cause = state === "answered" ? (call.bye !== null ? ANSWERED : ANSWERED_NO_BYE) : code !== null ? `${state} ${code}` : state === "in_progress" ? "in progress" : state;
  return { state, decider, cause };
}

const ANSWERED = "answered";
const ANSWERED_NO_BYE = "answered, no BYE in the log";

/** The same offer logged by both ends of a hop (sent by one Expressway, received by the next) once. */
function dedupeOffers(offers: SdpOffer[]): SdpOffer[] {
  const seen = new Set<string>();
  return offers.filter((o) => {
    const key = JSON.stringify([o.from, o.to, o.media]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function listOrder(a: Pick<CallSummary, "state" | "start" | "id">, b: Pick<CallSummary, "state" | "start" | "id">): number {
  const sa = a.start ?? "";
  const sb = b.start ?? "";
  // ids are `c` and a number without leading zeros: a shorter one is smaller (compared without making numbers)
  return STATE_ORDER[a.state] - STATE_ORDER[b.state] || (sa < sb ? -1 : sa > sb ? 1 : 0) || a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byTime(a: SipMessageRecord, b: SipMessageRecord): number {
  const d = (Number.isFinite(a.ms) ? a.ms : 0) - (Number.isFinite(b.ms) ? b.ms : 0);
  return d !== 0 ? d : a.seq - b.seq;
}

/** The two halves of one message meet under this key: the host that logged them, the Msg-Hash, the direction. */
function pairKey(host: string, hash: string, dir: "in" | "out"): string {
  return `${host}\u0000${hash}\u0000${dir}`;
}

function heldChars(m: SipMessageRecord): number {
  // the text and the line, plus what the record and its parsed parts take
  return (m.block?.length ?? 0) + m.lineText.length + 400;
}

function isChallenge(code: number | null): boolean {
  return code === 401 || code === 407;
}

function labelOf(m: SipMessageRecord): string {
  if (m.code !== null) return m.reasonPhrase ? `${m.code} ${m.reasonPhrase}` : String(m.code);
  if (m.method !== null) return m.method;
  return m.block ? startLineLabel({ kind: "unknown", text: messageLineText(blockLines(m.block)[0], true) }) : "(unreadable)";
}

/** Whether the call's summary reads this row (first, initial, a final, CANCEL, BYE, an offer). */
function isSummaryRow(call: OpenCall, row: Row): boolean {
  return row === call.initial || row === call.firstRow || row === call.bye || row === call.cancel || call.finals.includes(row) || call.offers.includes(row);
}

/**
 * Whether placing the message needs what only its block says: a field its summary line lacks that
 * the call engine reads at once (Call-ID, CSeq, tags, session ids), a REGISTER (the registration book
 * reads Contact and Expires), or an INVITE or UPDATE request whose summary did not say its To tag
 * (whether it starts a call). An INVITE's SDP offer waits: hasSdpLines marks it (see readBlock).
 */
function needsBlockNow(m: SipMessageRecord): boolean {
  if (m.method === null || m.callId === null || m.cseq === null || m.fromTag === null || m.localSessionId === null || m.remoteSessionId === null) return true;
  const method = m.method.toUpperCase();
  return method === "REGISTER" || (m.code === null && !m.toTagSaid && (method === "INVITE" || method === "UPDATE"));
}

function isInviteRequest(m: SipMessageRecord): boolean {
  return m.code === null && m.method !== null && m.method.toUpperCase() === "INVITE";
}

/** The message's SDP as the call's summary reads it: parsed, or seen in its block and read later. */
function hasOffer(m: SipMessageRecord): boolean {
  return m.sdp !== null || (!m.blockParsed && m.sdpUnread);
}

/**
 * Whether a block holds SDP lines (`m=` or `c=`, which no header line starts with), looked at without
 * making its lines strings: parseSdp gives a summary only when one is there.
 */
function hasSdpLines(block: LogBlock): boolean {
  for (let i = 1; i < block.kept; i++) if (block.lineHas(i, "m=") || block.lineHas(i, "c=")) return true;
  return false;
}

/** A block whose CSeq says OPTIONS, found without parsing the message (or making its lines strings). */
function isKeepAlive(block: LogBlock): boolean {
  for (let i = 1; i < 16; i++) {
    if (block.lineHas(i, "CSeq:")) return block.lineHas(i, "CSeq:", " OPTIONS");
  }
  return false;
}

function trimmed(v: string | undefined | null): string | null {
  if (v === undefined || v === null) return null;
  const t = v.trim();
  return t.length > 0 ? t : null;
}

function port(v: string | undefined | null): number | null {
  const t = v?.trim();
  return t && /^\d{1,5}$/.test(t) ? Number(t) : null;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
