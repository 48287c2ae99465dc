// 403 Forbidden to MRA requests: the domain is not enabled for MRA, the request is not in the
// HTTP allow list, or a token was refused because clocks differ (NTP).
import type { Facts } from "@/lib/facts/facts";
import { groupAffected, listEntities, period, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";
import { noStatusOutcome, requestEvidence, udsAffected, usersOf } from "@/lib/signatures/uds-status";

type Reads = Pick<Facts, "trafficServer">;

export const uds403Forbidden = defineSignature(
  {
    id: "uds-403-forbidden",
    version: 2,
    defects: [],
    title: "MRA requests answered 403 Forbidden",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    area: "MRA / configuration",
    summary:
      "Counts MRA requests answered 403, per node, domain and user: domain not enabled for MRA (UC services), request not in the HTTP allow list, or token refused because of clock skew (NTP).",
    products: ["Expressway-C", "Expressway-E"],
    reads: ["trafficServer"],
    inputs: ["traffic_server request / response debug lines (MRA requests joined by Txn-id)"],
    needles: ["403 Forbidden"],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  const hits = facts.trafficServer.requests.filter((r) => r.status === 403);
  // `Event="Sending HTTP error response" Status="403"` (TN 117811): the refusal, also without the request logged
  const refusals = facts.trafficServer.errorResponses.filter((e) => e.status === 403);
  if (hits.length > 0 || refusals.length > 0) {
    const affected = [
      ...udsAffected(hits, (r) => `403 Forbidden${r.target?.domain ? ` (domain ${r.target.domain})` : ""}${r.user ? ` (user ${r.user})` : ""}`),
      ...groupAffected(
        refusals.filter((e) => !hits.some((r) => r.peer === e.peer && Math.abs(Date.parse(r.timestamp) - Date.parse(e.timestamp)) < 1000)),
        (e) => ({ host: e.peer, ip: null, port: null, service: "MRA (HTTPS)", reason: `403 ${e.reason ?? "Forbidden"} sent to a client by the traffic server` }),
        (e) => e.timestamp,
        (e) => e.peer,
      ),
    ];
    const n = Math.max(hits.length, refusals.length);
    const users = usersOf(hits);
    const domains = [...new Set(hits.map((r) => r.target?.domain).filter(Boolean))];
    return {
      outcome: "issue",
      description: `${plural(n, "MRA request")} ${n === 1 ? "was" : "were"} refused with \`403 Forbidden\`${period(affected)}${users.length ? ` (users: ${users.join(", ")})` : ""}. Affected: ${listEntities(affected)}.`,
      condition: `Responses with status 403 to ${hits.length > 0 ? "proxied " : ""}MRA requests${domains.length ? ` for ${domains.join(", ")}` : ""}${refusals.length > 0 ? ` (${plural(refusals.length, "`Sending HTTP error response` line")})` : ""}.`,
      furtherInformation:
        "Three usual causes: (1) the domain in the request is not enabled for MRA (Configuration > Domains on Expressway-C: `SIP registrations and provisioning on Unified CM` / `IM and Presence Service` On); (2) the URL is not in the HTTP allow list (e.g. a custom UDS path, a Unity Connection or IM&P node not discovered, or a manually added server); (3) an OAuth / SSO token is refused as not yet valid or expired because the clocks of Expressway, CUCM and the IdP differ.",
      action: [
        "1. Configuration > Domains on Expressway-C: enable the domain shown for the UC services used.",
        "2. Configuration > Unified Communications > HTTP allow list: check the automatic inbound rules cover the node and path (refresh discovered servers under Unified CM / IM&P / Unity Connection servers), or add an editable rule.",
        "3. Check NTP on Expressway-C / -E (System > Time) and CUCM (`utils ntp status`).",
      ].join("\n"),
      affected,
      evidence: [...requestEvidence(hits), ...refusals.slice(0, 20).map((e) => ({ file: e.source.file, line: e.source.line, text: e.source.text }))],
    };
  }
  return noStatusOutcome(facts, 403, "No proxied MRA request is in the logs, so refused requests cannot be seen.", "No proxied MRA request was answered with 403.");
}
