// Every fact a signature can read, with what in a bundle provides it: the catalog shows it, and when a
// signature requires a fact the bundle lacks, the framework's "missing" answer says what to collect.
// Adding a key to Facts without an entry here does not compile.
import type { Facts } from "@/lib/facts/facts";

export type FactKey = keyof Facts;

export type FactInput = {
  /** what provides it, as a noun phrase: "a packet capture" */
  what: string;
  /** why a check may need it */
  why: string;
  /** how to get a bundle that has it */
  howToGet: string;
};

const COLLECT =
  "On the Expressway go to Maintenance > Diagnostics > Diagnostic logging, click Start new log, reproduce the problem, then Stop logging, Collect log and Download log, and upload that bundle.";

const LOG: FactInput = { what: "the logging snapshot (loggingsnapshot_*.txt)", why: "The log lines are what this check reads.", howToGet: COLLECT };
const XCONF: FactInput = {
  what: "the configuration dump (xconf_dump)",
  why: "The configuration shows how the box is set up; a bundle collected after a restart may lack it.",
  howToGet: COLLECT,
};
const XSTAT: FactInput = {
  what: "the status dump (xstat_dump)",
  why: "The status dump names the software version, the product and the state of zones, alarms and services.",
  howToGet: COLLECT,
};
const BUNDLE: FactInput = { what: "the bundle itself", why: "Every bundle provides it.", howToGet: COLLECT };

export const FACT_INPUTS: Record<FactKey, FactInput> = {
  fileName: BUNDLE,
  files: BUNDLE,
  notes: BUNDLE,
  lineCount: BUNDLE,
  host: { what: "a host name (log prefix, xstat or bundle name)", why: "The host names the Expressway in the findings.", howToGet: COLLECT },
  hosts: { what: "host names (log prefix, xstat or bundle name)", why: "Several hosts mean several cluster peers.", howToGet: COLLECT },
  product: XSTAT,
  identity: {
    what: "the status dump (xstat_dump: ExpresswaySeries, option keys), the configuration's traversal zones, or the log",
    why: "Some checks concern only one side of the edge (Expressway-C or Expressway-E).",
    howToGet: COLLECT,
  },
  version: { what: "the software version (xstat_dump, or the log's version lines)", why: "Whether a defect applies depends on the version.", howToGet: COLLECT },
  versions: { what: "the software versions of the peers", why: "Peers of a cluster must run the same version.", howToGet: COLLECT },
  config: XCONF,
  timeRange: LOG,
  logFiles: LOG,
  lineFamilies: LOG,
  reading: LOG,
  trafficServer: {
    what: "traffic_server lines in the log (the MRA HTTPS proxy on Expressway-C)",
    why: "MRA requests and their certificate checks are logged by the traffic server.",
    howToGet: `Set the network.http.trafficserver log level to DEBUG (Maintenance > Diagnostics > Advanced > Support Log configuration) if it is not, then: ${COLLECT}`,
  },
  edgeConfig: {
    what: "edgeconfigprovisioning lines in the log (Expressway-C's edge configuration server)",
    why: "Expressway-C logs the UDS requests it makes for MRA clients there, with CUCM's answers.",
    howToGet: `Set the developer.edgeconfigprovisioning log level to DEBUG (Maintenance > Diagnostics > Advanced > Support Log configuration), then: ${COLLECT}`,
  },
  tls: {
    what: "a packet capture, trust store (ca_*.pem) or server certificate (server_*.pem)",
    why: "Certificates are read from the bundle's captures and certificate files.",
    howToGet: `Tick "Take tcpdump while logging" before starting the log. ${COLLECT}`,
  },
  events: LOG,
  sip: {
    what: "network.sip lines in the log (SIP summaries at INFO, whole messages at DEBUG)",
    why: "Calls and registrations are read from the SIP messages the Expressway logged.",
    howToGet: `Reproduce the call or registration while logging; for whole messages set network.sip to DEBUG (Maintenance > Diagnostics > Advanced > Support Log configuration). ${COLLECT}`,
  },
  warnings: LOG,
  trustStore: {
    what: "the trusted CA list (ca_<host>_<stamp>.pem)",
    why: "Recent versions add the CA list to the diagnostic bundle.",
    howToGet: "Collect the bundle on a recent version, or download the list from Maintenance > Security > Trusted CA certificate (Show all (PEM file)).",
  },
  alarms: {
    what: "alarm lines of the log or the status dump's alarm list",
    why: "Alarms are raised and lowered in the log, and listed while active in xstat_dump.",
    howToGet: COLLECT,
  },
  statusDump: XSTAT,
  clusterPeers: {
    what: "the replication and cluster database lines of the log (developer.replication, developer.clusterdb)",
    why: "They name this cluster's peers when the configuration dump is missing.",
    howToGet: COLLECT,
  },
  kernelMemory: {
    what: "the kernel's lines in the log (out-of-memory killer)",
    why: "The kernel logs when memory ran out and which process it killed.",
    howToGet: COLLECT,
  },
};

export const FACT_KEYS = Object.keys(FACT_INPUTS) as FactKey[];

export function factInput(key: FactKey): FactInput {
  return FACT_INPUTS[key];
}
