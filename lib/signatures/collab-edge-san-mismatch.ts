// `_collab-edge` / certificate mismatch: the Expressway-E certificate does not carry the name the
// `_collab-edge._tls` SRV record points to (or the MRA domain), where the logs show it.
import type { Facts } from "@/lib/facts/facts";
import { collectSteps, listEntities, period, phraseEvaluation, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const NAME_RE = /_collab-edge\._tls\.([A-Za-z0-9.-]+)/;

type Reads = Pick<Facts, "events" | "logFiles">;

export const collabEdgeSanMismatch = defineSignature(
  {
    id: "collab-edge-san-mismatch",
    version: 2,
    defects: [],
    title: "_collab-edge target not in the Expressway-E certificate (SAN mismatch)",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    area: "MRA / certificates",
    summary: "Where the logs show `_collab-edge` lookups together with a certificate name mismatch, names the domain and peer: clients reject the Expressway-E certificate.",
    products: ["Expressway-E"],
    reads: ["events", "logFiles"],
    inputs: ["log lines mentioning _collab-edge"],
    needles: ["_collab-edge"],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  return phraseEvaluation(facts, {
    kinds: ["collab_edge_mismatch"],
    entity: (e) => ({ host: NAME_RE.exec(e.text)?.[1] ?? e.peer, ip: null, port: 8443, service: "MRA HTTPS (8443)", reason: "certificate does not name the _collab-edge target / MRA domain" }),
    covered: (facts.events.counts.collab_edge ?? 0) > 0,
    issue: (affected) => ({
      description: `The logs show ${plural(affected.reduce((n, a) => n + a.count, 0), "certificate name mismatch", "certificate name mismatches")} for \`_collab-edge\`${period(affected)}: ${listEntities(affected)}. Jabber / Webex clients refuse the Expressway-E certificate (or ask the user to accept it).`,
      condition: "A `_collab-edge` line that also reports the certificate does not match (SAN / subjectAltName / not in certificate).",
      furtherInformation:
        "Clients find Expressway-E through the `_collab-edge._tls.<domain>` SRV record and check that its certificate names the SRV target FQDN (and, for some clients, the MRA domain itself).",
      action: [
        "1. Compare the SRV target (`nslookup -type=SRV _collab-edge._tls.<domain>`) with the Subject Alternative Names of the Expressway-E certificate (Maintenance > Security > Server certificate).",
        "2. Re-issue the Expressway-E certificate with the SRV target FQDN and every MRA domain (or `collab-edge.<domain>`) in the SAN, signed by a public CA the clients trust; install it on every Expressway-E peer.",
      ].join("\n"),
    }),
    ok: () => ({
      description: "The logs mention `_collab-edge` without any certificate name mismatch.",
      condition: "`_collab-edge` lines present, no mismatch.",
      furtherInformation: "",
      action: "No action needed.",
    }),
    missing: () => ({
      description: "No log line mentions `_collab-edge`, so this Expressway's logs cannot show a SAN mismatch.",
      condition: "No `_collab-edge` line.",
      // Only what this portal reads is asked for: an Expressway-E bundle, not a client's problem report.
      furtherInformation: "The Expressway-E bundle of a sign-in from outside shows the `_collab-edge` lookups when the mismatch is logged there.",
      action: collectSteps([], "sign in with Jabber / Webex from outside"),
    }),
  });
}
