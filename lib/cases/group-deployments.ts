// Which of a case's bundles belong together: Expressways that proxy requests for a common MRA domain
// are one deployment (cluster peers, the -E and -C of a pair). A case may hold unrelated bundles too;
// they are shown apart, and only bundles of one deployment are checked against each other.
export type DeploymentInput = { analysisId: string; host: string | null; domains: string[] };

/** Groups of analysis ids; bundles without any MRA domain join the first group (nothing says otherwise). */
export function groupDeployments(inputs: DeploymentInput[]): string[][] {
  const groups: { ids: string[]; domains: Set<string>; hosts: Set<string> }[] = [];
  const loose: string[] = [];
  for (const input of inputs) {
    if (input.domains.length === 0) {
      loose.push(input.analysisId);
      continue;
    }
    const hits = groups.filter((g) => input.domains.some((d) => g.domains.has(d)) || (input.host !== null && g.hosts.has(input.host)));
    const target = hits[0] ?? { ids: [], domains: new Set<string>(), hosts: new Set<string>() };
    if (!hits.length) groups.push(target);
    for (const other of hits.slice(1)) {
      target.ids.push(...other.ids);
      other.domains.forEach((d) => target.domains.add(d));
      other.hosts.forEach((h) => target.hosts.add(h));
      groups.splice(groups.indexOf(other), 1);
    }
    target.ids.push(input.analysisId);
    input.domains.forEach((d) => target.domains.add(d.toLowerCase()));
    if (input.host) target.hosts.add(input.host);
  }
  // A bundle without MRA traffic joins the deployment of the same host, else the first one.
  const out = groups.map((g) => g.ids);
  for (const id of loose) {
    const host = inputs.find((i) => i.analysisId === id)?.host ?? null;
    const sameHost = host ? groups.findIndex((g) => g.hosts.has(host)) : -1;
    if (sameHost >= 0) out[sameHost].push(id);
    else if (out.length) out[0].push(id);
    else out.push([id]);
  }
  return out;
}
