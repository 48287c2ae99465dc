// Facts -> the MRA requests view: one row per proxied request (the first MAX_ROWS), and a summary
// per target server over all of them.
import type { Facts } from "@/lib/facts/facts";
import { serviceForPort } from "@/lib/facts/mra-services";
import type { MraRequestRow, MraRequestsDetail, MraServerSummary } from "@/lib/results/mra-requests";

const MAX_ROWS = 2000;

export function buildMraRequests(facts: Facts): MraRequestsDetail | undefined {
  const requests = facts.trafficServer.requests.filter((r) => r.target !== null);
  if (requests.length === 0) return undefined;
  const rows: MraRequestRow[] = [];
  const servers = new Map<string, MraServerSummary & { userSet: Set<string> }>();
  for (const r of requests) {
    const host = r.target?.host ?? r.dstIp;
    const port = r.target?.port ?? r.dstPort;
    const service = serviceForPort(port);
    const failed = r.failure !== null || (r.status !== null && r.status >= 400);
    const failure = r.failure ?? (r.status !== null && r.status >= 400 ? `HTTP ${r.status}${r.statusText ? ` ${r.statusText}` : ""}` : null);
    if (rows.length < MAX_ROWS) {
      rows.push({
        time: r.timestamp,
        peer: r.peer,
        user: r.user,
        domain: r.target?.domain ?? null,
        host,
        port,
        service,
        method: r.method,
        path: r.path && r.path.length > 300 ? `${r.path.slice(0, 300)}…` : r.path,
        status: r.status,
        failure,
        trackingId: r.trackingId,
        file: r.source.file,
        line: r.source.line,
      });
    }
    const key = `${host}\u0000${port}`;
    let s = servers.get(key);
    if (!s) servers.set(key, (s = { host, port, service, requests: 0, failed: 0, users: 0, statuses: {}, lastFailure: null, userSet: new Set() }));
    s.requests++;
    if (failed) {
      s.failed++;
      s.lastFailure = failure;
    }
    if (r.user) s.userSet.add(r.user);
    const st = r.status === null ? "none" : String(r.status);
    s.statuses[st] = (s.statuses[st] ?? 0) + 1;
  }
  return {
    total: facts.trafficServer.mraRequestCount,
    rows,
    servers: [...servers.values()]
      .map(({ userSet, ...s }) => ({ ...s, users: userSet.size }))
      .sort((a, b) => b.failed - a.failed || b.requests - a.requests),
  };
}
