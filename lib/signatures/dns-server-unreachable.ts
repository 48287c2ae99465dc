// The Expressway's DNS servers do not answer: every lookup it makes (SRV for zones and MRA
// discovery, Unified CM and IM&P names, NTP server names, cluster peers by FQDN) fails or waits.
import type { Facts } from "@/lib/facts/facts";
import { ESCF_NEEDLE, EVENTS_AND_LEVELS, externalServerEvaluation, externalServerFailures } from "@/lib/signatures/external-server-common";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";

export const dnsServerUnreachable = defineSignature(
  {
    id: "dns-server-unreachable",
    version: 1,
    defects: [],
    title: "DNS servers unreachable",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "ok", "missing"],
    reads: ["events", "logFiles"],
    area: "Platform / DNS",
    summary: "Finds `External Server Communications Failure` events for the DNS service: the Expressway's DNS servers do not answer, so name lookups for zones, Unified CM, MRA and NTP fail.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["tvcs Event Log lines"],
    needles: [ESCF_NEEDLE],
    references: [EVENTS_AND_LEVELS],
  },
  evaluate,
);

function evaluate(facts: Pick<Facts, "events" | "logFiles">): SignatureEvaluation {
  return externalServerEvaluation(facts, {
    events: externalServerFailures(facts, ["DNS"]),
    service: "DNS",
    what: "its DNS servers",
    consequence: "Lookups of zone peers, Unified CM and IM&P nodes, NTP servers and cluster peers by name fail, and calls or MRA requests that need them fail or wait for timeouts.",
    action: [
      "1. System > DNS: check the DNS server addresses; from Maintenance > Tools > Network utilities > DNS lookup, resolve a name through each server.",
      "2. Allow UDP and TCP 53 from the Expressway to those servers (on an Expressway-E: from the interface that reaches them).",
      "3. Remove servers that no longer exist: the Expressway tries them in turn.",
    ].join("\n"),
  });
}
