// XCP (7400) unreachable: Expressway-C cannot open the XCP router connection to IM&P (or E to C),
// so presence and chat over MRA fail.
import type { Facts } from "@/lib/facts/facts";
import { collectSteps, listEntities, period, phraseEvaluation, plural, processLines } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const HOST_RE = /Unable to connect to host\s*[('"]?([^'"\s,)]+)/;

type Reads = Pick<Facts, "events" | "logFiles">;

export const xcpPort7400Unreachable = defineSignature(
  {
    id: "xcp-port-7400-unreachable",
    version: 1,
    defects: [],
    title: "XCP port 7400 unreachable: IM&P presence and chat over MRA fail",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    area: "MRA / IM and Presence",
    summary: "Finds `Unable to connect to host ... port 7400`: the XCP router connection (Expressway-C to IM&P, or Expressway-E to Expressway-C) cannot be opened.",
    products: ["Expressway-C", "Expressway-E"],
    reads: ["events", "logFiles"],
    inputs: ["XCP router log lines"],
    needles: ["Unable to connect to host"],
  },
  evaluate,
);

function evaluate(facts: Reads): SignatureEvaluation {
  return phraseEvaluation(facts, {
    kinds: ["xcp_unreachable"],
    entity: (e) => {
      const host = HOST_RE.exec(e.text)?.[1] ?? null;
      const ip = host && /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ? host : null;
      const why = /Connection refused/i.test(e.text) ? "connection refused" : /timed? ?out/i.test(e.text) ? "timed out" : /No route/i.test(e.text) ? "no route to host" : "cannot connect";
      return { host: ip ? null : host, ip, port: 7400, service: "XCP (7400)", reason: why };
    },
    covered: processLines(facts, (p) => /xcp/i.test(p)) > 0,
    issue: (affected) => ({
      description: `The XCP router could not connect to ${plural(affected.length, "server")} on port 7400${period(affected)}: ${listEntities(affected)}. Jabber over MRA loses presence and instant messaging.`,
      condition: "`Unable to connect to host ... port 7400` in the XCP router's log.",
      furtherInformation:
        "Expressway-C connects to each IM&P node on TCP 7400 (XCP router) and Expressway-E connects to Expressway-C on 7400 through the traversal; a firewall between them, a stopped Cisco XCP Router service on IM&P, or an IM&P node discovered by a name Expressway cannot resolve all break it.",
      action: [
        "1. On IM&P: `utils service list` - Cisco XCP Router and Cisco XCP Connection Manager must be STARTED.",
        "2. Allow TCP 7400 from Expressway-C to every IM&P node (and from Expressway-E to Expressway-C) on the firewalls.",
        "3. On Expressway-C: Configuration > Unified Communications > IM and Presence Service nodes > Refresh servers; check DNS resolves each node name (Maintenance > Tools > Network utilities > DNS lookup).",
      ].join("\n"),
    }),
    ok: () => ({
      description: "The XCP router logged no failed connection on port 7400.",
      condition: "XCP router lines present, no `Unable to connect to host ... port 7400`.",
      furtherInformation: "",
      action: "No action needed.",
    }),
    missing: () => ({
      description: "The bundle has no XCP router lines, so XCP (7400) connectivity cannot be checked.",
      condition: "No log lines from the XCP router processes.",
      furtherInformation: "XCP runs on Expressway when IM&P is used over MRA.",
      action: collectSteps(["developer.xcp"], "sign in with Jabber over MRA and send a chat"),
    }),
  });
}
