// UDS answered 401 Unauthorized to MRA clients: wrong credentials, or the user is homed on another
// cluster that ILS / home-cluster lookup did not find.
import type { Facts } from "@/lib/facts/facts";
import { serviceForPort } from "@/lib/facts/mra-services";
import type { Evidence } from "@/lib/results/types";
import { groupAffected, listEntities, period, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";
import { noStatusOutcome, requestEvidence, udsAffected, udsWithStatus, usersOf } from "@/lib/signatures/uds-status";

type Reads = Pick<Facts, "trafficServer" | "edgeConfig">;

export const uds401Unauthorized = defineSignature(
  {
    id: "uds-401-unauthorized",
    version: 2,
    defects: [],
    title: "UDS answers 401 Unauthorized to MRA clients",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    area: "MRA / authentication",
    summary: "Counts UDS (`/cucm-uds/`) requests proxied for MRA that CUCM answered with 401, per node and user: bad credentials, or a user whose home cluster is elsewhere (ILS / home cluster).",
    products: ["Expressway-C"],
    reads: ["trafficServer", "edgeConfig"],
    inputs: ["traffic_server request / response debug lines (MRA requests joined by Txn-id)", "edgeconfigprovisioning UDS responses and `Failed to authenticate user against server` lines"],
    needles: ["401 Unauthorized"],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  const hits = udsWithStatus(facts, 401);
  // The same 401 seen by the edge config provisioning server (also when traffic_server's debug lines are off).
  const edge = facts.edgeConfig.responses.filter((r) => r.status === 401 && r.url.indexOf("/cucm-uds/") !== -1);
  if (hits.length > 0 || edge.length > 0) {
    const affected = [
      ...udsAffected(hits, (r) => `401 Unauthorized${r.user ? ` (user ${r.user})` : ""}`),
      ...groupAffected(
        edge,
        (r) => ({ host: r.host, ip: null, port: r.port, service: serviceForPort(r.port), reason: `401 Unauthorized${r.user ? ` (user ${r.user})` : ""}, seen by edgeconfigprovisioning` }),
        (r) => r.timestamp,
        (r) => r.peer,
      ),
    ];
    const users = [...new Set([...usersOf(hits), ...edge.map((r) => r.user).filter((u): u is string => !!u)])].sort();
    const failures = facts.edgeConfig.authFailures.filter((f) => f.user === null || users.includes(f.user));
    const evidence: Evidence[] = [
      ...requestEvidence(hits),
      ...edge.slice(0, 20).flatMap((r) => [r.source, ...(r.statusSource ? [r.statusSource] : [])]),
      ...failures.slice(0, 10).map((f) => f.source),
    ].map((e) => ({ file: e.file, line: e.line, text: e.text }));
    const n = hits.length + edge.length;
    return {
      outcome: "issue",
      description: `CUCM answered ${plural(n, "UDS request")} for MRA clients with \`401 Unauthorized\`${period(affected)}${users.length ? `, for ${plural(users.length, "user")}: ${users.join(", ")}` : ""}. Affected: ${listEntities(affected)}. Those users cannot sign in over MRA.`,
      condition: [
        hits.length > 0 ? "Responses with status 401 to `/cucm-uds/` requests proxied by the traffic server." : "",
        edge.length > 0 ? `${plural(edge.length, "401 response")} to \`/cucm-uds/\` requests logged by edgeconfigprovisioning${failures.length ? `, with ${plural(failures.length, "`Failed to authenticate user against server` line")}` : ""}.` : "",
      ].filter(Boolean).join(" "),
      furtherInformation:
        "UDS returns 401 when the credentials (or OAuth token) are not accepted: wrong password, locked or LDAP-unsynchronised account, or the user is not homed on this cluster and home-cluster discovery fails (ILS not set up between clusters, or `Home Cluster` not ticked for the user in CUCM).",
      action: [
        "1. Check the user in CUCM (User Management > End User): active, LDAP-synchronised, `Home Cluster` ticked on exactly one cluster, and member of `Standard CCM End Users`.",
        "2. With several CUCM clusters: check ILS between them (Advanced Features > ILS Configuration) and that all clusters are discovered on Expressway-C (Configuration > Unified Communications > Unified CM servers).",
        "3. With SSO or OAuth: check the token settings (`Authorize by OAuth token` on Expressway-C and the OAuth refresh settings on CUCM) and the clocks (NTP) on CUCM and Expressway.",
      ].join("\n"),
      affected,
      evidence,
    };
  }
  if (facts.edgeConfig.responses.length > 0 && facts.trafficServer.mraRequestCount === 0) {
    return { outcome: "ok", description: "No UDS request logged by edgeconfigprovisioning was answered with 401.", condition: "edgeconfigprovisioning UDS responses logged, none 401.", furtherInformation: "", action: "No action needed." };
  }
  return noStatusOutcome(facts, 401, "No proxied MRA request is in the logs, so UDS responses cannot be checked.", "No UDS request proxied for MRA was answered with 401.");
}
