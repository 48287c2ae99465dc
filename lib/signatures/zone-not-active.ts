// Zones the xstat dump shows as not active: a traversal zone between Expressway-C and -E that is
// down breaks MRA and B2B calls; a neighbour zone towards Unified CM or another VCS that failed
// means searches through it find nothing.
import type { Facts } from "@/lib/facts/facts";
import type { ZoneStatus } from "@/lib/facts/status-dump";
import { DIAGNOSTIC_LOGGING, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

const FAILED = /^(failed|inactive|down|rejected|unreachable|timed ?out|not ?active)/i;
const CHECKING = /^(checking|connecting|initiali[sz]ing)/i;

export const zoneNotActive = defineSignature(
  {
    id: "zone-not-active",
    version: 1,
    defects: [],
    title: "Traversal or neighbour zones not active",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["statusDump"],
    requires: ["statusDump"],
    area: "Zones and neighbours",
    summary: "Reads the zones in the xstat dump: a zone (traversal client / server, Unified Communications traversal, neighbour, DNS) whose status is Failed or Inactive is an issue, one still Checking a potential problem.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["xstat_dump (Zones)"],
  },
  evaluate,
);

/** Whether the dump shows the zone (or one of its protocols / peers) Failed, Inactive or similar. */
export function zoneIsDown(z: ZoneStatus): boolean {
  return z.statuses.some((s) => FAILED.test(s.value));
}

function zoneLabel(z: ZoneStatus): string {
  return `${z.name ?? z.key}${z.type ? ` (${z.type})` : ""}`;
}

function evaluate(facts: { statusDump: NonNullable<Facts["statusDump"]> }): SignatureEvaluation {
  const dump = facts.statusDump;
  if (dump.zones.length === 0) {
    return {
      outcome: "missing",
      description: "The status dump lists no zone status, so zone health cannot be checked.",
      condition: "xstat_dump without a Zones section.",
      furtherInformation: "Status > Zones on the Expressway shows each zone's state.",
      action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the whole bundle.`,
    };
  }
  const failed = dump.zones.filter((z) => z.statuses.some((s) => FAILED.test(s.value)));
  const checking = dump.zones.filter((z) => !failed.includes(z) && z.statuses.some((s) => CHECKING.test(s.value)));
  if (failed.length + checking.length > 0) {
    const bad = [...failed, ...checking];
    const rows = bad.map((z) => {
      const st = z.statuses.filter((s) => FAILED.test(s.value) || CHECKING.test(s.value));
      return { host: z.name, ip: null, port: null, service: z.type ? `zone (${z.type})` : "zone", reason: `${st.map((s) => `${s.path} ${s.value}`).join(", ")}${z.causes.length ? `: ${z.causes.join("; ")}` : ""}`, count: 1, firstSeen: null, lastSeen: null };
    });
    const traversal = bad.some((z) => /travers|unified/i.test(z.type ?? ""));
    return {
      outcome: failed.length > 0 ? "issue" : "potential",
      description: `${plural(bad.length, "zone")} ${bad.length === 1 ? "is" : "are"} not active in the status dump: ${bad.map((z, i) => `${zoneLabel(z)}: ${rows[i].reason}`).join("; ")}. ${traversal ? "A traversal zone down between Expressway-C and -E stops MRA (logins, registrations, calls) and B2B calls." : "Searches and calls routed through these zones fail."}`,
      condition: "A zone Status (or SIP / H.323 / peer Status) of Failed / Inactive (issue) or Checking (potential) in xstat.",
      furtherInformation: "A traversal client zone fails on wrong credentials (`Incorrect authentication credential` on the Expressway-E), TLS verification (the peer address must match the other side's certificate), or blocked ports (7001 / 2222 / 6001).",
      action: [
        "1. Status > Zones: open the zone and read its peer status and reason.",
        "2. Traversal zones: check the peer address and port, the connection credentials, and TLS verify subject name against the other side's certificate; open the traversal port from Expressway-C to -E.",
        "3. Neighbour zones: check that the neighbour answers on the zone's SIP / H.323 port, and its TLS certificate if the zone verifies it.",
      ].join("\n"),
      affected: rows,
      evidence: bad.flatMap((z) => z.statuses.filter((s) => FAILED.test(s.value) || CHECKING.test(s.value)).map((s) => ({ file: s.source.file, line: s.source.line, text: s.source.text }))),
    };
  }
  return { outcome: "ok", description: `All ${plural(dump.zones.length, "zone")} in the status dump are active (${dump.zones.map(zoneLabel).slice(0, 8).join(", ")}${dump.zones.length > 8 ? ", …" : ""}).`, condition: "No zone status Failed, Inactive or Checking in xstat.", furtherInformation: "The dump shows the zones at the moment it was taken.", action: "No action needed." };
}
