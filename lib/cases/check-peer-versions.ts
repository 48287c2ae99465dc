// The case's own check: the Expressways of one deployment should run one software version. Cluster
// peers must (replication between versions is not supported beyond an upgrade window), and Cisco
// recommends the same version on Expressway-C and -E. A mismatch is a finding on the case page.
import type { Affected } from "@/lib/results/types";
import type { CaseFinding } from "@/lib/cases/case-view";

export const PEER_VERSIONS_ID = "case-peer-versions";

export type VersionInput = { analysisId: string; host: string | null; version: string | null };

const REFERENCES = [
  {
    title: "Cisco Expressway Cluster Creation and Maintenance Deployment Guide",
    url: "https://www.cisco.com/c/en/us/support/unified-communications/expressway-series/products-installation-and-configuration-guides-list.html",
  },
];

/** One finding per deployment of two or more finished analyses; null when there is nothing to compare. */
export function checkPeerVersions(deployment: VersionInput[]): CaseFinding | null {
  if (deployment.length < 2) return null;
  const known = deployment.filter((d) => d.version !== null);
  const versions = [...new Set(known.map((d) => d.version as string))];
  const name = (d: VersionInput) => d.host ?? d.analysisId;
  const affected: Affected[] = known.map((d) => ({
    host: d.host,
    ip: null,
    port: null,
    service: "Software version",
    reason: `runs ${d.version}`,
    count: 1,
    firstSeen: null,
    lastSeen: null,
    peers: d.host ? [d.host] : [],
  }));
  const base = {
    signatureId: PEER_VERSIONS_ID,
    signatureVersion: 1,
    defects: [],
    title: "The Expressways of one deployment run the same software version",
    severity: "high" as const,
    references: REFERENCES,
    evidence: [],
    explains: [],
  };
  if (known.length < 2) {
    return {
      ...base,
      outcome: "missing",
      description: `Only ${known.length} of ${deployment.length} bundles name their software version, so the versions cannot be compared.`,
      condition: "The version is read from each bundle's xstat_dump.",
      furtherInformation: "",
      action: "Collect the diagnostic log with the status dump on every peer (Maintenance > Diagnostics > Diagnostic logging).",
      affected,
      seenOn: deployment.map((d) => ({ analysisId: d.analysisId, host: d.host, outcome: "missing", role: null })),
    };
  }
  if (versions.length === 1) {
    return {
      ...base,
      outcome: "ok",
      description: `${known.map(name).join(", ")} all run ${versions[0]}.`,
      condition: "One software version over the deployment's bundles.",
      furtherInformation: "",
      action: "No action needed.",
      affected: [],
      seenOn: deployment.map((d) => ({ analysisId: d.analysisId, host: d.host, outcome: "ok", role: null })),
    };
  }
  return {
    ...base,
    outcome: "potential",
    description: `The bundles of this deployment report ${versions.length} software versions: ${known.map((d) => `${name(d)} ${d.version}`).join(", ")}. Peers of a cluster must run the same version (mixed versions are only expected during an upgrade), and Expressway-C and -E should.`,
    condition: "More than one software version over the bundles of one deployment (an MRA domain in common).",
    furtherInformation:
      "A version-dependent behaviour (such as the certificate verification of X14.2) then applies on some boxes only, which makes a problem look intermittent: a client works or fails depending on the peer it reaches.",
    action: "Upgrade every peer to the same release (Maintenance > Upgrade), the cluster's primary first, then the others; then Expressway-E to match Expressway-C.",
    affected,
    seenOn: deployment.map((d) => ({ analysisId: d.analysisId, host: d.host, outcome: d.version ? "potential" : "missing", role: d.version ? "cause" : null })),
  };
}
