// Which box wrote the bundle: Expressway-C, Expressway-E or a VCS (Control / Expressway), and how
// that was decided. xstat's product name says "TANDBERG Video Communication Server" on every one
// of them, so it cannot decide; `ExpresswaySeries` tells Expressway from VCS, the option keys and
// the configured traversal zones tell the two sides apart, and without dumps the log does.
import type { Located, ProductIdentity, ProductRole, ProductName, SourceRef } from "@/lib/facts/facts";

export type { ProductIdentity };

export type IdentityClues = {
  /** xstat `SystemUnit Product` */
  product: string | null;
  expresswaySeries: Located<string> | null;
  options: Located<string>[];
  config: ReadonlyMap<string, Located<string>[]>;
  /** lines per logging process */
  processLines: Readonly<Record<string, number>>;
  /** the traffic server's certificate failures towards CUCM / IM&P / Unity Connection (only the inside box verifies them) */
  requestsToUnifiedCm: number;
};

const EDGE_OPTION = /traversal server|expressway-e|vcs expressway/i;
const CONTROL_OPTION = /expressway-c|vcs control/i;

export function identifyProduct(c: IdentityClues): ProductIdentity {
  const decidedBy: string[] = [];
  const evidence: SourceRef[] = [];
  const cite = (l: Located<string>) => {
    if (l.source && evidence.length < 6) evidence.push(l.source);
  };

  let series: ProductIdentity["series"] = null;
  if (c.expresswaySeries) {
    const v = c.expresswaySeries.value.trim().toLowerCase();
    if (v === "true" || v === "false") {
      series = v === "true" ? "Expressway" : "VCS";
      decidedBy.push(`xstat ExpresswaySeries: "${c.expresswaySeries.value}"`);
      cite(c.expresswaySeries);
    }
  }
  if (series === null && c.product) {
    // Only a product name that names the series decides it (the TANDBERG name is on both).
    if (/expressway/i.test(c.product)) series = "Expressway";
    if (series) decidedBy.push(`xstat product "${c.product}"`);
  }

  let role: ProductRole | null = null;
  const edgeOption = c.options.find((o) => EDGE_OPTION.test(o.value));
  const controlOption = c.options.find((o) => CONTROL_OPTION.test(o.value));
  if (edgeOption) {
    role = "edge";
    decidedBy.push(`option key "${edgeOption.value}"`);
    cite(edgeOption);
  } else if (controlOption) {
    role = "control";
    decidedBy.push(`option key "${controlOption.value}"`);
    cite(controlOption);
  } else if (c.options.length > 0) {
    // the DMZ box needs the Traversal Server option; listed options without it are the inside box's
    role = "control";
    decidedBy.push("option keys without Traversal Server");
  }

  if (role === null) {
    const zones = traversalZones(c.config);
    if (zones.server.length > 0 && zones.client.length === 0) {
      role = "edge";
      decidedBy.push(`${zones.server.length === 1 ? "a traversal server zone" : `${zones.server.length} traversal server zones`} in xconf`);
      cite(zones.server[0]);
    } else if (zones.client.length > 0 && zones.server.length === 0) {
      role = "control";
      decidedBy.push(`${zones.client.length === 1 ? "a traversal client zone" : `${zones.client.length} traversal client zones`} in xconf`);
      cite(zones.client[0]);
    }
  }

  if (role === null) {
    // The log: only the inside box talks to CUCM and runs the edge config provisioning server.
    const edgeConfig = c.processLines.edgeconfigprovisioning ?? 0;
    if (c.requestsToUnifiedCm > 0) {
      role = "control";
      decidedBy.push("the traffic server's requests to CUCM / IM&P / Unity Connection in the log");
    } else if (edgeConfig > 0) {
      role = "control";
      decidedBy.push("edgeconfigprovisioning lines in the log");
    }
  }

  let name: ProductName | null = null;
  if (role !== null) {
    if (series === "VCS") name = role === "control" ? "VCS Control" : "VCS Expressway";
    else name = role === "control" ? "Expressway-C" : "Expressway-E";
  }
  return { name, series, role, decidedBy, evidence };
}

function traversalZones(config: ReadonlyMap<string, Located<string>[]>): { client: Located<string>[]; server: Located<string>[] } {
  const client: Located<string>[] = [];
  const server: Located<string>[] = [];
  for (const [key, values] of config) {
    if (!/^Zones Zone \d+ Type$/.test(key)) continue;
    for (const v of values) {
      const t = v.value.replace(/\s+/g, "").toLowerCase();
      if (t === "traversalclient" || t === "unifiedcommunicationstraversalclient") client.push(v);
      else if (t === "traversalserver" || t === "unifiedcommunicationstraversalserver") server.push(v);
    }
  }
  return { client, server };
}

/** Whether a check made for `products` ("Expressway-C", "Expressway-E") applies to this box; null when its side is unknown. */
export function signatureSideMatches(products: readonly string[], identity: ProductIdentity): boolean | null {
  if (identity.role === null) return null;
  const side = identity.role === "control" ? "Expressway-C" : "Expressway-E";
  return products.includes(side);
}
