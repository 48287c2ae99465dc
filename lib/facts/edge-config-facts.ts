// What Expressway-C's edge configuration provisioning server logged about the requests it made to
// CUCM for MRA clients (TN 211304): `edgeconfigprovisioning ... Action="Received"
// Request-url="https://<cucm>:8443/cucm-uds/user/<user>/devices"` with the response in an HTTPMSG
// block, and `Detail="Failed to authenticate user against server" Username="..." Server="('https',
// '<ip>', 8443)"`. A UDS 401 shows here even when traffic_server's debug lines are off.
import type { EdgeConfigAuthFailure, EdgeConfigFacts, EdgeConfigResponse } from "@/lib/facts/facts";
import type { LogEntry } from "@/lib/parse/log-reader";
import { findValue } from "@/lib/parse/name-value";
import { parseStatusLine } from "@/lib/parse/http-message";
import type { EntrySubscriber } from "@/lib/scan/subscriber";

const MAX_KEPT = 1000;
const PROCESS = "edgeconfigprovisioning";

export class EdgeConfigCollector implements EntrySubscriber {
  readonly name = "edge config provisioning";
  readonly reader = { maxBlockLines: 1, keepBlock: (_p: unknown, text: string) => text.indexOf('Action="Received"') !== -1 };
  private lineCount = 0;
  private readonly responses: EdgeConfigResponse[] = [];
  private readonly authFailures: EdgeConfigAuthFailure[] = [];

  wantsProcess(process: string): boolean {
    return process === PROCESS;
  }

  /** its lines without a process token carry the module only */
  wantsModule(module: string): boolean {
    return module === "network.http.edgeconfigprovisioning" || module.startsWith("developer.edgeconfigprovisioning");
  }

  onEntry(file: string, entry: LogEntry): void {
    this.lineCount++;
    const { text, prefix } = entry;
    const start = prefix.messageStart;
    const source = { file, line: entry.line, text };
    const url = findValue(text, "Request-url", start);
    if (url !== null && findValue(text, "Action", start) === "Received" && this.responses.length < MAX_KEPT) {
      const first = entry.block?.lines[0] ?? null;
      const status = first !== null ? parseStatusLine(first) : null;
      const target = parseUrl(url);
      this.responses.push({
        source,
        statusSource: entry.block && entry.block.firstRaw !== null ? { file, line: entry.block.firstLine, text: entry.block.firstRaw } : null,
        timestamp: prefix.timestamp,
        peer: prefix.host || null,
        url,
        host: target.host,
        port: target.port,
        user: /\/cucm-uds\/user\/([^/?]+)/.exec(url)?.[1] ?? null,
        status: status?.status ?? null,
        statusText: status?.reason ?? null,
      });
      return;
    }
    if (findValue(text, "Detail", start) === "Failed to authenticate user against server" && this.authFailures.length < MAX_KEPT) {
      // Server="('https', '10.0.0.1', 8443)"
      const server = findValue(text, "Server", start) ?? "";
      const m = /\(\s*'[^']*'\s*,\s*'([^']*)'\s*,\s*(\d+)\s*\)/.exec(server);
      this.authFailures.push({ source, timestamp: prefix.timestamp, peer: prefix.host || null, user: findValue(text, "Username", start), serverHost: m?.[1] ?? null, serverPort: m ? Number(m[2]) : null });
    }
  }

  finish(): EdgeConfigFacts {
    return { lineCount: this.lineCount, responses: this.responses, authFailures: this.authFailures };
  }
}

function parseUrl(url: string): { host: string | null; port: number | null } {
  try {
    const u = new URL(url);
    return { host: u.hostname || null, port: u.port ? Number(u.port) : u.protocol === "https:" ? 443 : 80 };
  } catch {
    return { host: null, port: null };
  }
}
