// Combines traffic_server log entries into MRA request and certificate-failure facts:
// requests are joined by Txn-id; a verification failure is joined to the port of the most
// recent Sending Request from the same process to that IP (else the MRA target's port), to
// the `SSL connection failed` line after it and to the 502 the client got.
import type { LogEntry, LogReaderOptions } from "@/lib/parse/log-reader";
import { parseRequestLine, parseStatusLine } from "@/lib/parse/http-message";
import { findValue } from "@/lib/parse/name-value";
import {
  type CertificateVerificationFailed,
  type SniNotInCertificate,
  parseNativeMessage,
  parseTrafficServerMessage,
} from "@/lib/parse/traffic-server-native";
import { EvidenceBag } from "@/lib/facts/evidence-bag";
import type { HttpErrorResponse, MraRequest, SourceRef, TrafficServerFacts, VerificationFailureGroup } from "@/lib/facts/facts";
import { parseMraUrl } from "@/lib/facts/mra-target";
import { classifyVerifyError } from "@/lib/facts/verify-error";
import type { LineContext } from "@/lib/facts/line-context";
import type { EntrySubscriber } from "@/lib/scan/subscriber";

/** traffic_server's entries carry the MRA requests and certificate failures. */
export function isTrafficServerProcess(process: string): boolean {
  return process.startsWith("traffic_server");
}

const MAX_REQUEST_SAMPLES = 5000;
/** per traffic_server process */
const MAX_OPEN_TXNS = 10_000;
const MAX_USERS = 10;

type Sent = { port: number | null; txn: string };

/** State per traffic_server process (pid) per file: Txn-ids and joins are only valid within it. */
type ProcessContext = {
  /** requests received and not yet answered, by Txn-id */
  open: Map<string, MraRequest>;
  /** failures whose request's response is still to come, by Txn-id */
  failedTxns: Map<string, VerificationFailureGroup>;
  lastSentByIp: Map<string, Sent>;
  lastTargetPortByHost: Map<string, number>;
  lastReceived: MraRequest | null;
  lastFailure: VerificationFailureGroup | null;
};

export class TrafficServerCollector implements EntrySubscriber {
  readonly name = "traffic_server";
  /** The collector reads the request or status line of a message block, nothing after it. */
  readonly reader: LogReaderOptions = { maxBlockLines: 1, keepBlock: (_prefix, text) => TrafficServerCollector.readsMessage(text) };

  private lineCount = 0;
  private debugLineCount = 0;
  private forwardedRequestCount = 0;
  private mraRequestCount = 0;
  private failureCount = 0;
  private readonly requests: MraRequest[] = [];
  private readonly errorResponses: HttpErrorResponse[] = [];
  /** lines neither in Name="value" pairs nor a native message this collector knows, per file */
  private readonly unread = new Map<string, { count: number; samples: SourceRef[] }>();
  private readonly groups = new Map<string, VerificationFailureGroup>();
  private readonly contexts = new Map<string, ProcessContext>();
  private readonly evidence = new EvidenceBag(200);
  private lastContext: ProcessContext | null = null;
  private lastContextFile: string | null = null;
  private lastContextPid: string | null = null;
  private lastContextHost: string | null = null;

  constructor(private readonly lineContext: LineContext | null = null) {}

  private addEvidence(file: string, line: number, text: string): void {
    const c = this.lineContext;
    this.evidence.add(file, line, text, c ? () => c.capture(file, line) : undefined);
  }

  /** Whether onEntry reads this entry's message block (a request's request line, a response's status line). */
  static readsMessage(entryText: string): boolean {
    return entryText.indexOf('Detail="Receive Request"') !== -1 || entryText.indexOf('Detail="Sending Response"') !== -1;
  }

  wantsProcess(process: string): boolean {
    return isTrafficServerProcess(process);
  }

  onEntry(file: string, entry: LogEntry): void {
    const { prefix, text } = entry;
    if (!isTrafficServerProcess(prefix.process)) return;
    this.lineCount++;
    const start = prefix.messageStart;
    const ctx = this.context(file, prefix.host, prefix.pid);
    const first = text.charCodeAt(start);
    if (first === 91 /* [ */ || text.indexOf('="', start) === -1) {
      this.onNative(file, entry, ctx);
      return;
    }
    const detail = findValue(text, "Detail", start);
    if (detail !== null && text.indexOf("trafficserver", start) !== -1) this.debugLineCount++;
    switch (detail) {
      case "Receive Request":
        this.onReceiveRequest(file, entry, ctx);
        return;
      case "Sending Request":
        this.onSendingRequest(file, entry, ctx);
        return;
      case "Sending Response":
        this.onSendingResponse(file, entry, ctx);
        return;
    }
    const event = findValue(text, "Event", start);
    if (event === "Request Allowed") {
      const user = findValue(text, "Username", start);
      if (user && ctx.lastReceived && ctx.lastReceived.user === null) ctx.lastReceived.user = user;
    } else if (event === "Sending HTTP error response") {
      // TN 117811: `Event="Sending HTTP error response" Status="403" Reason="Forbidden" Dst-ip=... Dst-port=...`
      if (this.errorResponses.length < MAX_REQUEST_SAMPLES) {
        this.errorResponses.push({
          source: { file, line: entry.line, text },
          timestamp: prefix.timestamp,
          peer: prefix.host || null,
          status: toPort(findValue(text, "Status", start)) ?? null,
          reason: findValue(text, "Reason", start),
          dstIp: findValue(text, "Dst-ip", start),
          dstPort: toPort(findValue(text, "Dst-port", start)),
        });
      }
    }
  }

  finish(): TrafficServerFacts {
    const failures = [...this.groups.values()];
    return {
      lineCount: this.lineCount,
      debugLineCount: this.debugLineCount,
      forwardedRequestCount: this.forwardedRequestCount,
      mraRequestCount: this.mraRequestCount,
      requests: this.requests,
      failures,
      failureCount: this.failureCount,
      failureEvidence: this.evidence.list(),
      errorResponses: this.errorResponses,
      unread: [...this.unread].map(([file, u]) => ({ file, ...u })),
    };
  }

  private context(file: string, host: string, pid: string | null): ProcessContext {
    // Consecutive entries mostly come from the same process. A file holding several peers' lines
    // (concatenated or relayed logs) has a process per host: their Txn-ids must not meet.
    if (this.lastContext !== null && this.lastContextFile === file && this.lastContextPid === pid && this.lastContextHost === host) return this.lastContext;
    const key = `${file}\u0000${host}\u0000${pid ?? ""}`;
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = { open: new Map(), failedTxns: new Map(), lastSentByIp: new Map(), lastTargetPortByHost: new Map(), lastReceived: null, lastFailure: null };
      this.contexts.set(key, ctx);
    }
    this.lastContext = ctx;
    this.lastContextFile = file;
    this.lastContextPid = pid;
    this.lastContextHost = host;
    return ctx;
  }

  private txnId(entry: LogEntry): string | null {
    return findValue(entry.text, "Txn-id", entry.prefix.messageStart);
  }

  private onReceiveRequest(file: string, entry: LogEntry, ctx: ProcessContext): void {
    const txn = this.txnId(entry);
    if (txn === null) return;
    const requestLine = entry.block?.lines[0] ?? null;
    let method: string | null = null;
    let url: string | null = null;
    const parsedLine = requestLine ? parseRequestLine(requestLine) : null;
    if (parsedLine !== null) {
      method = parsedLine.method;
      url = parsedLine.target;
    }
    const parsed = url ? parseMraUrl(url) : null;
    const request: MraRequest = {
      source: { file, line: entry.line, text: entry.text },
      pid: entry.prefix.pid,
      txnId: txn,
      trackingId: trackingIdOf(entry),
      timestamp: entry.prefix.timestamp,
      method,
      path: parsed?.path ?? null,
      target: parsed?.target ?? null,
      user: parsed?.user ?? null,
      dstIp: null,
      dstPort: null,
      status: null,
      statusText: null,
      peer: entry.prefix.host || null,
      failure: null,
    };
    if (request.target !== null) {
      this.mraRequestCount++;
      const t = request.target;
      if (t.host !== null && t.port !== null) ctx.lastTargetPortByHost.set(t.host, t.port);
    }
    ctx.lastReceived = request;
    this.remember(ctx, txn, request);
    if (this.requests.length < MAX_REQUEST_SAMPLES) this.requests.push(request);
  }

  private onSendingRequest(file: string, entry: LogEntry, ctx: ProcessContext): void {
    this.forwardedRequestCount++;
    const txn = this.txnId(entry);
    if (txn === null) return;
    const start = entry.prefix.messageStart;
    const ip = findValue(entry.text, "Dst-ip", start);
    const port = toPort(findValue(entry.text, "Dst-port", start));
    if (ip !== null) ctx.lastSentByIp.set(ip, { port, txn });
    const request = ctx.open.get(txn);
    if (request) {
      request.dstIp = ip;
      request.dstPort = port;
      request.trackingId ??= trackingIdOf(entry);
    }
  }

  private onSendingResponse(file: string, entry: LogEntry, ctx: ProcessContext): void {
    const txn = this.txnId(entry);
    if (txn === null) return;
    const statusLine = entry.block?.lines[0] ?? null;
    const parsedStatus = statusLine ? parseStatusLine(statusLine) : null;
    const status = parsedStatus?.status ?? null;
    const request = ctx.open.get(txn);
    if (request) {
      request.status = status;
      request.statusText = parsedStatus?.reason ?? null;
      ctx.open.delete(txn);
    }
    const group = ctx.failedTxns.get(txn);
    if (group) {
      ctx.failedTxns.delete(txn);
      if (status === 502 && entry.block) {
        group.responses502++;
        this.addEvidence(file, entry.block.firstLine, entry.block.firstRaw ?? statusLine!);
      }
    }
  }

  private onNative(file: string, entry: LogEntry, ctx: ProcessContext): void {
    const native = parseNativeMessage(entry.text, entry.prefix.messageStart);
    if (native === null) {
      // neither pairs nor `[thread] LEVEL: text`: a layout this collector does not know
      let u = this.unread.get(file);
      if (!u) this.unread.set(file, (u = { count: 0, samples: [] }));
      u.count++;
      if (u.samples.length < 5) u.samples.push({ file, line: entry.line, text: entry.text.length > 2000 ? entry.text.slice(0, 2000) : entry.text });
      return;
    }
    const msg = parseTrafficServerMessage(native.text);
    if (msg === null) return;
    if (msg.type === "ssl_connection_failed") {
      const failure = ctx.lastFailure;
      if (failure !== null && (msg.name === failure.host || msg.name === failure.ip || msg.name === failure.sni || failure.host === null)) {
        ctx.lastFailure = null;
        if (msg.code !== null && !failure.sslErrorCodes.includes(msg.code)) failure.sslErrorCodes.push(msg.code);
        this.addEvidence(file, entry.line, entry.text);
      }
      return;
    }
    this.onFailure(file, entry, ctx, msg);
  }

  private onFailure(file: string, entry: LogEntry, ctx: ProcessContext, msg: CertificateVerificationFailed | SniNotInCertificate): void {
    this.failureCount++;
    const name = msg.type === "verification_failed" ? msg.name : msg.sni;
    const host = msg.serverHost ?? name;
    const ip = msg.serverIp ?? (looksLikeIp(host) ? host : null);
    const sent = ip !== null ? ctx.lastSentByIp.get(ip) : undefined;
    let port: number | null = sent?.port ?? null;
    let portSource: VerificationFailureGroup["portSource"] = port !== null ? "request" : null;
    if (port === null) {
      port = ctx.lastTargetPortByHost.get(host) ?? (ip !== null ? ctx.lastTargetPortByHost.get(ip) : undefined) ?? null;
      if (port !== null) portSource = "target";
    }
    const error = msg.type === "verification_failed" ? msg.error : null;
    const errorKind = msg.type === "verification_failed" ? classifyVerifyError(error) : null;
    const depth = msg.type === "verification_failed" ? msg.depth : null;
    const cause = msg.type === "verification_failed" ? "untrusted_certificate" : "sni_not_in_certificate";
    const key = [cause, host, ip, port, errorKind === "other" ? error : errorKind, depth].join("\u0000");
    let group = this.groups.get(key);
    if (!group) {
      group = {
        cause,
        error,
        errorKind,
        depth,
        sni: msg.type === "sni_not_in_certificate" ? msg.sni : null,
        host,
        ip,
        port,
        portSource,
        actions: [],
        sslErrorCodes: [],
        responses502: 0,
        count: 0,
        firstSeen: null,
        lastSeen: null,
        users: [],
        files: [],
        peers: [],
      };
      this.groups.set(key, group);
    }
    group.count++;
    const ts = entry.prefix.timestamp;
    if (group.firstSeen === null || earlier(ts, group.firstSeen)) group.firstSeen = ts;
    if (group.lastSeen === null || earlier(group.lastSeen, ts)) group.lastSeen = ts;
    if (msg.action !== null && !group.actions.includes(msg.action)) group.actions.push(msg.action);
    if (!group.files.includes(file)) group.files.push(file);
    const peer = entry.prefix.host;
    if (peer && !group.peers.includes(peer)) group.peers.push(peer);
    if (sent) {
      ctx.failedTxns.set(sent.txn, group);
      const req = ctx.open.get(sent.txn);
      if (req && req.failure === null) req.failure = failureText(msg.type === "verification_failed" ? (error ?? "certificate verification failed") : null, depth, msg.type === "sni_not_in_certificate" ? msg.sni : null);
      const user = req?.user;
      if (user && group.users.length < MAX_USERS && !group.users.includes(user)) group.users.push(user);
    }
    ctx.lastFailure = group;
    this.addEvidence(file, entry.line, entry.text);
  }

  private remember(ctx: ProcessContext, txn: string, request: MraRequest): void {
    ctx.open.set(txn, request);
    if (ctx.open.size > MAX_OPEN_TXNS) {
      // Transactions whose response was never logged must not pile up.
      const oldest = ctx.open.keys().next().value as string;
      ctx.open.delete(oldest);
    }
  }
}

/** `TrackingID="..."` sits between Txn-id and Dst-ip / Src-ip, its value sometimes padded (TN 225746). */
function trackingIdOf(entry: LogEntry): string | null {
  const v = findValue(entry.text, "TrackingID", entry.prefix.messageStart)?.trim();
  return v ? v : null;
}

function failureText(error: string | null, depth: number | null, sni: string | null): string {
  if (sni !== null) return `SNI ${sni} not in certificate`;
  return `certificate verification failed: ${error}${depth !== null ? ` (depth ${depth})` : ""}`;
}

function toPort(v: string | null): number | null {
  if (v === null) return null;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
}

function looksLikeIp(s: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(s) || (s.includes(":") && /^[0-9a-f:]+$/i.test(s));
}

function earlier(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a < b;
  return ta < tb;
}
