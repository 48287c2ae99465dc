// Shared by the signatures that read certificates from the bundle's packet captures: how to get a
// capture, the "missing" outcomes, and affected entries for a server:port.
import type { Affected } from "@/lib/results/types";
import type { TlsDetails, TlsServer } from "@/lib/results/tls";
import type { Facts } from "@/lib/facts/facts";
import { presentedCertificate } from "@/lib/facts/presented-certificate";
import { serviceForPort } from "@/lib/facts/mra-services";
import type { SignatureEvaluation } from "@/lib/signatures/signature";

export const CAPTURE_STEPS =
  "On the Expressway go to Maintenance > Diagnostics > Diagnostic logging, tick \"Take tcpdump while logging\", click Start new log, reproduce the problem (for MRA: sign in from a remote Jabber / Webex client and let it download its configuration), then Stop logging, Collect log and Download log. The bundle then carries `eth<n>_diagnostic_logging_tcpdump<nn>_<host>_<stamp>.pcap` files; upload it here.";

/** The capture details when at least one capture was read, else null. */
export function captureDetails(facts: Pick<Facts, "tls">): TlsDetails | null {
  const tls = facts.tls;
  return tls && tls.captureFiles.length > 0 ? tls.details : null;
}

export function missingCapture(what: string): SignatureEvaluation {
  return {
    outcome: "missing",
    description: `This check reads ${what} from a packet capture, and the bundle has none: diagnostic logging was run without tcpdump.`,
    condition: "No `.pcap` / `.pcapng` file in the bundle.",
    furtherInformation:
      "Without a capture only the log lines tell about certificates, and they say nothing when the Expressway accepted a certificate (or was not the side checking it). The capture shows every certificate a server actually presented, per port.",
    action: CAPTURE_STEPS,
    evidence: [],
  };
}

/** Captures were read but no certificate was visible in them (TLS 1.3, resumed or cut-off handshakes). */
export function missingVisibleCertificate(details: TlsDetails, what: string): SignatureEvaluation | null {
  if (details.servers.some((s) => s.chains.length > 0)) return null;
  const tls13 = details.servers.reduce((n, s) => n + s.visibility.tls13, 0);
  return {
    outcome: "missing",
    description: `The capture${details.captures.length === 1 ? "" : "s"} hold${details.captures.length === 1 ? "s" : ""} ${details.sessionCount} TLS session${details.sessionCount === 1 ? "" : "s"}, but none shows a server certificate, so ${what} cannot be checked.${tls13 > 0 ? ` ${tls13} of them negotiated TLS 1.3, which encrypts the certificate: certificate not visible: TLS 1.3.` : ""}`,
    condition: "Captures present; no TLS 1.2 (or earlier) Certificate message in them.",
    furtherInformation:
      "TLS 1.3 encrypts the server's Certificate message; a resumed session sends none; a capture that starts after the handshake or drops its packets misses it. The certificates panel lists the sessions that were seen.",
    action: `Take a capture that covers new TLS 1.2 connections (restart the client or wait for new connections during logging), or read the certificate on the server itself (for CUCM: Cisco Unified OS Administration > Security > Certificate Management). ${CAPTURE_STEPS}`,
    evidence: [],
  };
}

/** One affected entry for a server:port seen in the capture. */
export function serverAffected(details: TlsDetails, s: TlsServer, reason: string, opts: { withSan?: boolean } = {}): Affected {
  const certificate = presentedCertificate(details, { ip: s.ip, port: s.port }, { withSan: opts.withSan, connectAddress: opts.withSan ? s.ip : null });
  return {
    host: s.sni[0]?.name ?? null,
    ip: s.ip,
    port: s.port,
    service: serviceForPort(s.port),
    reason,
    count: s.sessions,
    firstSeen: s.firstSeen,
    lastSeen: s.lastSeen,
    ...(certificate ? { certificate } : {}),
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
