// One AOR refused again and again: the device keeps registering and the registrar keeps saying no
// (403 forbidden domain or credentials, 404 unknown user, 503 no registrar), or keeps challenging it.
import type { Registration } from "@/lib/results/calls";
import { refusedAttempts } from "@/lib/facts/sip/registrations";
import { plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";
import { type SipFacts, noCallsOutcome } from "@/lib/signatures/sip-call-common";
import type { Affected, Evidence } from "@/lib/results/types";

export const sipRegistrationRefused = defineSignature(
  {
    id: "sip-registration-refused",
    version: 1,
    defects: [],
    title: "Registrations refused again and again",
    severity: "high",
    category: "misconfiguration",
    area: "SIP registrations",
    summary: "AORs whose REGISTER attempts were refused repeatedly and never accepted (403, 404, 503...), or challenged 401 / 407 every time: names the AOR, the device and the code.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["network.sip REGISTER requests and their responses, per AOR"],
    needles: ["Method=REGISTER"],
    reads: ["sip"],
  },
  evaluate,
);

const MIN_ATTEMPTS = 3;

function refusedCodes(r: Registration): string[] {
  return Object.entries(r.outcomes)
    .filter(([code]) => code !== "none" && Number(code) >= 300)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ×${n}`);
}

function isRefused(r: Registration): boolean {
  if (r.outcomes["200"] || Object.keys(r.outcomes).some((c) => c !== "none" && Number(c) < 300)) return false;
  const challenges = (r.outcomes["401"] ?? 0) + (r.outcomes["407"] ?? 0);
  return refusedAttempts(r) >= MIN_ATTEMPTS || challenges >= MIN_ATTEMPTS;
}

function evaluate(facts: SipFacts): SignatureEvaluation {
  const regs = facts.sip.registrations;
  if (regs.length === 0) {
    const na = noCallsOutcome(facts, "refused registrations");
    return { ...na, description: na.description.replace("No SIP call is in the logs", "No SIP registration is in the logs") };
  }
  const refused = regs.filter(isRefused);
  if (refused.length === 0) {
    return { outcome: "ok", description: `No AOR was refused ${MIN_ATTEMPTS} times or more without ever registering (${plural(regs.length, "AOR")} in the logs).`, condition: "Final responses to REGISTER per AOR.", furtherInformation: "", action: "None." };
  }
  const affected: Affected[] = refused.slice(0, 50).map((r) => ({
    host: r.aor,
    ip: null,
    port: null,
    service: "SIP registration",
    reason: `${refusedCodes(r).join(", ")}${r.devices.length ? ` · device ${r.devices.join(", ")}` : ""}`,
    count: r.attempts,
    firstSeen: r.firstSeen,
    lastSeen: r.lastSeen,
    peers: r.hosts,
  }));
  const evidence: Evidence[] = [];
  for (const r of refused) {
    for (const a of r.recent) {
      if (a.code === null || a.code < 300) continue;
      evidence.push({ file: a.file, line: a.line, text: `REGISTER ${r.aor} answered ${a.code} at ${a.time}` });
      if (evidence.length >= 20) break;
    }
  }
  const first = refused[0];
  return {
    outcome: "issue",
    description: `${plural(refused.length, "AOR")} kept registering and ${refused.length === 1 ? "was" : "were"} refused every time: \`${first.aor}\`${first.devices.length ? ` (${first.devices[0]})` : ""} got ${refusedCodes(first).join(", ")}${refused.length > 1 ? `, and ${refused.length - 1} more` : ""}.`,
    condition: `REGISTER attempts per AOR (at least ${MIN_ATTEMPTS}) whose final responses were all refusals or challenges.`,
    furtherInformation:
      "403: the domain is not allowed for registration on this Expressway (Configuration > Domains, Registration Allow/Deny lists) or the credentials are refused; 404: the registrar does not know the user (CUCM: no device / line for that AOR); 401 / 407 every time: the device's credentials are wrong; 503: no registrar reachable (CUCM down, the zone to it inactive). For MRA, registrations go through Expressway-E and -C to CUCM: the code shows which hop refused.",
    action: [
      "1. Status > Registrations > By device / History on the Expressway: the reason it gives for the AOR.",
      "2. Configuration > Registration > Allow / Deny lists and Configuration > Domains: the AOR's domain must be allowed.",
      "3. On the registrar (CUCM): the device and line for this AOR, and its digest credentials.",
    ].join("\n"),
    affected,
    evidence,
  };
}
