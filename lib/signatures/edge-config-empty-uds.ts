// The get_edge_config response lists no UDS server: Jabber over MRA cannot find where to look
// users and devices up, so sign-in stops after authentication.
import type { Facts } from "@/lib/facts/facts";
import type { LogEvent } from "@/lib/facts/log-events";
import { collectSteps, listEntities, period, phraseEvaluation, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

/**
 * `<name>_cisco-uds</name>` followed by `</service>` without a `<server>` / `<address>` in between,
 * or the user's UDS server given with an empty address (`<userUdsServer><server><address></address>`,
 * TN 211304: the client then says "XML didn't contain UDS server address").
 */
export function udsServiceEmpty(text: string): boolean {
  if (/<userUdsServer>\s*<server>\s*<address>\s*<\/address>/.test(text)) return true;
  const at = text.indexOf("_cisco-uds");
  if (at === -1) return false;
  const end = text.indexOf("</service>", at);
  const seg = end === -1 ? text.slice(at) : text.slice(at, end);
  if (end === -1 && seg.length < 40) return false; // cut off: cannot tell
  return seg.indexOf("<address>") === -1 && seg.indexOf("<server>") === -1 && /<server\s*\/>|<\/service>|<udsServer\s*\/>/.test(text.slice(at));
}

type Reads = Pick<Facts, "events" | "logFiles">;

export const edgeConfigEmptyUds = defineSignature(
  {
    id: "edge-config-empty-uds",
    version: 2,
    defects: [],
    title: "Edge configuration lists no UDS server (empty _cisco-uds in get_edge_config)",
    severity: "critical",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    area: "MRA / edge configuration",
    summary: "Reads the `get_edge_config` responses in the logs and flags those whose `_cisco-uds` service has no server: the client cannot continue sign-in.",
    products: ["Expressway-C", "Expressway-E"],
    reads: ["events", "logFiles"],
    inputs: ["get_edge_config responses (traffic_server / edgeconfigprovisioning debug)"],
    needles: ["_cisco-uds"],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  return phraseEvaluation(facts, {
    kinds: ["edge_config_response"],
    filter: (e: LogEvent) => udsServiceEmpty(e.text),
    entity: (e) => ({ host: e.peer, ip: null, port: null, service: "get_edge_config", reason: "no UDS server in the _cisco-uds service" }),
    covered: (facts.events.counts.edge_config_request ?? 0) > 0 || (facts.events.counts.edge_config_response ?? 0) > 0,
    issue: (affected) => ({
      description: `${plural(affected.reduce((n, a) => n + a.count, 0), "get_edge_config response")} listed no UDS server${period(affected)}: ${listEntities(affected)}. Jabber / Webex then stops after authentication ("cannot communicate with the server").`,
      condition: "`_cisco-uds` service without a server in the edge configuration returned to the client.",
      furtherInformation:
        "Expressway-C builds the UDS list from the Unified CM servers it discovered; it is empty when no CUCM is discovered for the domain, when the user's home cluster is not discovered, or when the CUCM nodes are not reachable on 8443.",
      action: [
        "1. Configuration > Unified Communications > Unified CM servers on Expressway-C: discover the publisher of every cluster (Refresh servers) and check each shows Active.",
        "2. Configuration > Domains: the user's domain must have `SIP registrations and provisioning on Unified CM` On.",
        "3. With several clusters: check ILS and the user's home cluster.",
      ].join("\n"),
    }),
    ok: () => ({
      description: "The get_edge_config responses in the logs list UDS servers.",
      condition: "Edge configuration requests logged, no empty `_cisco-uds`.",
      furtherInformation: "",
      action: "No action needed.",
    }),
    missing: () => ({
      description: "No get_edge_config request or response is in the logs, so the edge configuration sent to clients cannot be checked.",
      condition: "No `get_edge_config` line.",
      furtherInformation: "The response body is logged with the traffic server's debug logging on.",
      action: collectSteps(["developer.trafficserver", "network.http.trafficserver", "developer.edgeconfigprovisioning"], "sign in with Jabber / Webex over MRA"),
    }),
  });
}
