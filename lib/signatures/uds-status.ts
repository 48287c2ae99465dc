// Shared by the UDS 401 / 403 signatures: UDS requests the traffic server answered with a status.
import type { Affected, Evidence } from "@/lib/results/types";
import type { Facts, MraRequest } from "@/lib/facts/facts";
import { serviceForPort } from "@/lib/facts/mra-services";
import { collectSteps, groupAffected } from "@/lib/signatures/helpers";
import type { SignatureEvaluation } from "@/lib/signatures/signature";

export function isUds(r: MraRequest): boolean {
  return r.path !== null && r.path.indexOf("/cucm-uds/") !== -1;
}

export function udsWithStatus(facts: Pick<Facts, "trafficServer">, status: number): MraRequest[] {
  return facts.trafficServer.requests.filter((r) => r.status === status && isUds(r));
}

export function udsAffected(requests: MraRequest[], reason: (r: MraRequest) => string): Affected[] {
  return groupAffected(
    requests,
    (r) => {
      const port = r.target?.port ?? r.dstPort;
      return { host: r.target?.host ?? r.dstIp, ip: r.dstIp, port, service: serviceForPort(port), reason: reason(r) };
    },
    (r) => r.timestamp,
    (r) => r.peer,
  );
}

export function usersOf(requests: MraRequest[]): string[] {
  return [...new Set(requests.map((r) => r.user).filter((u): u is string => !!u))].sort();
}

export function requestEvidence(requests: MraRequest[], max = 20): Evidence[] {
  return requests.slice(0, max).map((r) => ({ file: r.source.file, line: r.source.line, text: r.source.text }));
}

/**
 * The outcome when no request had the status: `missing` without any logged MRA request (with how to
 * log them), `ok` otherwise.
 */
export function noStatusOutcome(facts: Pick<Facts, "trafficServer">, status: number, missingDescription: string, okDescription: string): SignatureEvaluation {
  if (facts.trafficServer.mraRequestCount === 0) {
    return {
      outcome: "missing",
      description: missingDescription,
      condition: "No traffic_server request with an MRA target.",
      furtherInformation: "MRA requests are logged by the traffic server with its debug logging on.",
      action: collectSteps(["developer.trafficserver", "network.http.trafficserver"], "sign in with Jabber / Webex over MRA"),
    };
  }
  return {
    outcome: "ok",
    description: okDescription,
    condition: `MRA requests logged, none answered ${status}.`,
    furtherInformation: "",
    action: "No action needed.",
  };
}
