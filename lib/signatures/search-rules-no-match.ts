// Searches that found nothing, judged against the search rules of xconf: the dialled alias matches
// no enabled rule's pattern, only a disabled rule would match it, or the rules it matches send it
// to a zone that does not exist or is not active. Also enabled rules aimed at a zone the
// configuration does not have. Layout of a rule (TN 212475):
// `*c xConfiguration Zones Policy SearchRules Rule 3 Pattern Type: "Prefix"`, `... State: "Enabled"`,
// `... Target Name: "Hybrid Call Service Traversal"`, `... Target Type: "Zone"`.
import type { Affected, Evidence } from "@/lib/results/types";
import type { Facts, SourceRef } from "@/lib/facts/facts";
import type { ZoneStatus } from "@/lib/facts/status-dump";
import { DIAGNOSTIC_LOGGING, evidenceOf, plural } from "@/lib/signatures/helpers";
import { type SignatureEvaluation, defineSignature } from "@/lib/signatures/signature";
import { zoneIsDown } from "@/lib/signatures/zone-not-active";

const TN_212475 = { title: "Cisco TAC: Troubleshooting Guide for Cisco Webex Hybrid Call Service Connect (TN 212475)", url: "https://www.cisco.com/c/en/us/support/docs/unified-communications/spark/212475-troubleshooting-guide-for-cisco-spark-hy.html" };
const SEARCH_RULES_GUIDE = {
  title: "Cisco Expressway Administrator Guide (X15.0): Configuring Search Rules",
  url: "https://www.cisco.com/c/en/us/td/docs/voice_ip_comm/expressway/admin_guide/X15-0/exwy_b_cisco-expressway-administrator-guide-x15/exwy_m_dial-plan-and-call-processing.html",
};

export const searchRulesNoMatch = defineSignature(
  {
    id: "search-rules-no-match",
    version: 1,
    defects: [],
    title: "Dialled aliases no search rule routes",
    severity: "high",
    category: "misconfiguration",
    outcomes: ["issue", "potential", "ok", "missing"],
    reads: ["config", "files", "statusDump", "events", "sip"],
    area: "Dial plan",
    summary: "Replays the Event Log's failed searches (`Search Completed`, found false) against xconf's search rules: an alias that matches no enabled rule, only a disabled one, or only rules whose target zone is missing or not active in xstat. Enabled rules aimed at a zone xconf does not have are a potential problem.",
    products: ["Expressway-C", "Expressway-E"],
    inputs: ["xconf_dump (Zones Policy SearchRules, Zones Zone names)", "tvcs Event Log Search Completed lines", "xstat_dump (zone status), when present"],
    needles: ["Search Completed"],
    references: [SEARCH_RULES_GUIDE, TN_212475],
  },
  evaluate,
);

type RuleFacts = Pick<Facts, "config" | "files" | "statusDump" | "events" | "sip">;

export type SearchRule = {
  index: number;
  name: string;
  priority: number | null;
  /** AnyAlias, AliasPatternMatch, AnyIPAddress, ... */
  mode: string | null;
  patternType: string | null;
  patternString: string;
  protocol: string | null;
  enabled: boolean;
  targetName: string | null;
  targetType: string | null;
  /** the lines that say what the rule is: name, pattern, state, target */
  line: (leaf: string) => SourceRef | null;
};

const RULE_KEY = /^Zones Policy SearchRules Rule (\d+) (.+)$/;
const ZONE_NAME_KEY = /^Zones Zone \d+ Name$/;
/** targets every Expressway has without a `Zones Zone N` entry */
const BUILT_IN_ZONES = ["localzone", "local zone", "defaultzone", "default zone"];

/** The search rules xconf lists (the first dump's, when several peers' dumps are in the bundle). */
export function searchRules(facts: Pick<Facts, "config">): SearchRule[] {
  const byIndex = new Map<number, Map<string, { value: string; source: SourceRef | null }>>();
  let file: string | null = null;
  for (const [key, list] of facts.config) {
    const m = RULE_KEY.exec(key);
    if (!m) continue;
    const v = list.find((x) => file === null || x.source === null || x.source.file === file) ?? list[0];
    if (file === null && v.source) file = v.source.file;
    const n = Number(m[1]);
    let leaves = byIndex.get(n);
    if (!leaves) byIndex.set(n, (leaves = new Map()));
    leaves.set(m[2].toLowerCase(), { value: v.value.trim(), source: v.source });
  }
  const rules: SearchRule[] = [];
  for (const [index, leaves] of byIndex) {
    const get = (leaf: string) => leaves.get(leaf.toLowerCase())?.value ?? null;
    const priority = Number(get("Priority"));
    rules.push({
      index,
      name: get("Name") || `Rule ${index}`,
      priority: Number.isFinite(priority) && get("Priority") !== null ? priority : null,
      mode: get("Mode"),
      patternType: get("Pattern Type"),
      patternString: get("Pattern String") ?? "",
      protocol: get("Protocol"),
      enabled: (get("State") ?? "Enabled").toLowerCase() !== "disabled",
      targetName: get("Target Name") || null,
      targetType: get("Target Type"),
      line: (leaf) => leaves.get(leaf.toLowerCase())?.source ?? null,
    });
  }
  return rules.sort((a, b) => (a.priority ?? 1e9) - (b.priority ?? 1e9) || a.index - b.index);
}

/** "sip:Bob@Example.com;transport=tls" -> "bob@example.com" (what search rule patterns are matched against) */
export function aliasForMatching(alias: string): string {
  return alias.trim().replace(/^<|>$/g, "").replace(/^(sips?|h323):/i, "").split(";")[0].trim().toLowerCase();
}

/** true / false, or null when the rule cannot be judged here (an unknown mode, a pattern JavaScript cannot read). */
export function ruleMatches(rule: SearchRule, alias: string, service: string | null): boolean | null {
  const protocol = (rule.protocol ?? "Any").toLowerCase();
  if (service && protocol !== "any" && protocol !== service.toLowerCase()) return false;
  const mode = (rule.mode ?? "AliasPatternMatch").toLowerCase();
  const a = aliasForMatching(alias);
  if (mode === "anyalias") return true;
  if (mode === "anyipaddress") return /^(\d{1,3}\.){3}\d{1,3}(:\d+)?$/.test(a);
  if (mode !== "aliaspatternmatch") return null;
  const p = rule.patternString.trim();
  switch ((rule.patternType ?? "Exact").toLowerCase()) {
    case "exact":
      return a === p.toLowerCase();
    case "prefix":
      return a.startsWith(p.toLowerCase());
    case "suffix":
      return a.endsWith(p.toLowerCase());
    case "regex": {
      const re = compiled(p);
      return re === null ? null : re.test(a);
    }
    default:
      return null;
  }
}

const REGEX_CACHE = new Map<string, RegExp | null>();

/** The rule's pattern as a whole-alias, case-insensitive regex; null when JavaScript cannot read it. */
function compiled(pattern: string): RegExp | null {
  let re = REGEX_CACHE.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, "i");
    } catch {
      re = null;
    }
    if (REGEX_CACHE.size > 2000) REGEX_CACHE.clear();
    REGEX_CACHE.set(pattern, re);
  }
  return re;
}

type Target = { state: "ok" | "down" | "unknown_zone"; why: string; sources: SourceRef[] };

type Verdict =
  | { kind: "no_rule" }
  | { kind: "disabled_only"; rules: SearchRule[] }
  | { kind: "target_down"; rules: SearchRule[]; targets: Target[] }
  | { kind: "routed" }
  | { kind: "undetermined" };

type Search = { alias: string; service: string | null; file: string; line: number; timestamp: string | null; peer: string | null };

function evaluate(facts: RuleFacts): SignatureEvaluation {
  const hasXconf = facts.files.some((f) => f.kind === "xconf");
  const rules = searchRules(facts);
  if (!hasXconf || rules.length === 0) {
    return {
      outcome: "missing",
      description: hasXconf ? "The configuration dump lists no search rules, so failed searches cannot be judged against them." : "The bundle has no configuration dump, so its search rules cannot be read.",
      condition: hasXconf ? "xconf_dump without `Zones Policy SearchRules Rule` entries." : "No xconf_dump.",
      furtherInformation: "Search rules are listed under Configuration > Dial plan > Search rules; xconf_dump carries them when logging starts.",
      action: `On the Expressway, go to ${DIAGNOSTIC_LOGGING} and upload the whole bundle (with xconf_dump).`,
    };
  }
  const zones = zoneNames(facts);
  const target = (r: SearchRule) => targetState(r, zones, facts.statusDump?.zones ?? []);
  const searches: Search[] = (facts.events.events.sip_search_not_found ?? [])
    .map((e) => ({ alias: (e.fields["Dst-alias"] ?? "").trim(), service: (e.fields.Service ?? "").trim() || null, file: e.file, line: e.line, timestamp: e.timestamp, peer: e.peer }))
    .filter((s) => s.alias !== "");
  const verdicts = new Map<string, { verdict: Verdict; searches: Search[] }>();
  for (const s of searches) {
    const key = `${aliasForMatching(s.alias)}\u0000${s.service ?? ""}`;
    const known = verdicts.get(key);
    if (known) known.searches.push(s);
    else verdicts.set(key, { verdict: judge(rules, s, target), searches: [s] });
  }
  const found = [...verdicts.values()].filter((v) => v.verdict.kind === "no_rule" || v.verdict.kind === "disabled_only" || v.verdict.kind === "target_down");
  const danglingRules = rules.filter((r) => r.enabled && target(r).state === "unknown_zone");

  if (found.length > 0) {
    const affected: Affected[] = found.map(({ verdict, searches: list }) => ({
      host: list[0].alias,
      ip: null,
      port: null,
      service: list[0].service ? `search (${list[0].service})` : "search",
      reason: reasonText(verdict),
      count: list.length,
      firstSeen: list[0].timestamp,
      lastSeen: list[list.length - 1].timestamp,
    }));
    const lines = new Set(found.flatMap((v) => v.searches.map((s) => `${s.file}:${s.line}`)));
    const searchEvidence = evidenceOf(facts, ["sip_search_not_found"]).filter((e) => lines.has(`${e.file}:${e.line}`));
    const ruleEvidence = found.flatMap(({ verdict }) => verdictEvidence(verdict, rules));
    const aliases = new Set(found.flatMap((v) => v.searches.map((s) => aliasForMatching(s.alias))));
    // the calls these searches failed (the 404 card's lines): one root cause, one card
    const callEvidence = facts.sip.calls.filter((c) => c.searchNotFound && c.to !== null && aliases.has(aliasForMatching(c.to))).flatMap((c) => c.evidence.slice(0, 2).map((e) => ({ file: e.file, line: e.line, text: e.text })));
    const enabled = rules.filter((r) => r.enabled);
    return {
      outcome: "issue",
      description: `${plural(found.length, "dialled alias", "dialled aliases")} could not be routed by the search rules: ${affected.map((a) => `\`${a.host}\` (${a.reason})`).join("; ")}. ${plural(enabled.length, "search rule")} ${enabled.length === 1 ? "is" : "are"} enabled (${enabled.slice(0, 6).map(ruleLabel).join(", ")}${enabled.length > 6 ? ", …" : ""}). A search that no rule routes ends the call with 404 Not Found.`,
      condition: "A `Search Completed` event with found false whose alias matches no enabled search rule of xconf, only a disabled one, or only rules whose target zone is missing or not active.",
      furtherInformation:
        "Expressway tries the search rules in priority order; a rule applies when its protocol and source fit and its pattern (Exact, Prefix, Suffix or Regex, after any transform) matches the alias, and sends the search to its target zone. Patterns were replayed here against the alias as logged, before transforms and without the source zone: check the result with Maintenance > Tools > Check pattern and Locate.",
      action: [
        "1. Maintenance > Tools > Locate: search for the alias from the zone the call came in on, and read which rules were tried.",
        "2. Configuration > Dial plan > Search rules: add a rule whose pattern matches the alias (or fix the pattern / transform), enable the rule meant for it, and point it at the right zone.",
        "3. For a target zone that is not active, fix the zone first (Status > Zones).",
      ].join("\n"),
      affected,
      evidence: dedupe([...searchEvidence, ...ruleEvidence, ...callEvidence]),
    };
  }
  if (danglingRules.length > 0) {
    return {
      outcome: "potential",
      description: `${plural(danglingRules.length, "enabled search rule")} ${danglingRules.length === 1 ? "targets a zone" : "target zones"} the configuration does not have: ${danglingRules.map((r) => `${ruleLabel(r)} -> "${r.targetName}"`).join(", ")}. Searches those rules match go nowhere.`,
      condition: "An enabled search rule with Target Type Zone whose Target Name is no `Zones Zone N Name` of xconf.",
      furtherInformation: "A zone renamed or deleted after the rule was written leaves the rule pointing at nothing.",
      action: "Configuration > Dial plan > Search rules: point each of these rules at an existing zone, or delete them.",
      affected: danglingRules.map((r) => ({ host: r.name, ip: null, port: null, service: "search rule", reason: `target zone "${r.targetName}" is not configured`, count: 1, firstSeen: null, lastSeen: null })),
      evidence: danglingRules.flatMap((r) => lineEvidence(r, "Target Name")),
    };
  }
  const routed = [...verdicts.values()].filter((v) => v.verdict.kind === "routed").length;
  const undetermined = [...verdicts.values()].filter((v) => v.verdict.kind === "undetermined").length;
  return {
    outcome: "ok",
    description:
      searches.length === 0
        ? `${plural(rules.length, "search rule")} configured; no failed search in the Event Log of the logging window.`
        : `${plural(verdicts.size, "alias", "aliases")} whose search failed ${verdicts.size === 1 ? "matches" : "match"} an enabled search rule with a usable target${undetermined > 0 ? ` (${undetermined} could not be judged: a rule mode or pattern this check cannot replay)` : ""}: the failure lies beyond the rules (the target zone or the next hop did not find the alias).`,
    condition: "No failed search left unrouted by the enabled search rules, and no enabled rule aimed at a missing zone.",
    furtherInformation: routed > 0 ? "With Route headers (Webex Hybrid, MRA), `Preloaded SIP routes support` must be On in the zone or the search fails although a rule matches (TN 212475)." : "",
    action: "No action needed.",
  };
}

function judge(rules: SearchRule[], s: Search, target: (r: SearchRule) => Target): Verdict {
  const enabled = rules.filter((r) => r.enabled);
  const matches = enabled.map((r) => ({ r, m: ruleMatches(r, s.alias, s.service) }));
  const hits = matches.filter((x) => x.m === true).map((x) => x.r);
  if (hits.length > 0) {
    const bad = hits.filter((r) => target(r).state !== "ok");
    if (bad.length === hits.length) return { kind: "target_down", rules: bad, targets: bad.map(target) };
    return { kind: "routed" };
  }
  if (matches.some((x) => x.m === null)) return { kind: "undetermined" };
  const disabled = rules.filter((r) => !r.enabled && ruleMatches(r, s.alias, s.service) === true);
  return disabled.length > 0 ? { kind: "disabled_only", rules: disabled } : { kind: "no_rule" };
}

function targetState(r: SearchRule, zones: Set<string>, status: ZoneStatus[]): Target {
  const fine: Target = { state: "ok", why: "", sources: [] };
  const type = (r.targetType ?? "Zone").toLowerCase();
  const name = r.targetName;
  if (type !== "zone" || !name) return fine;
  const lower = name.toLowerCase();
  if (BUILT_IN_ZONES.includes(lower)) return fine;
  const st = status.find((z) => z.name?.toLowerCase() === lower);
  if (st && zoneIsDown(st)) {
    const down = st.statuses.filter((s) => !/^active$/i.test(s.value));
    return { state: "down", why: `zone "${name}" is ${down.map((s) => s.value).join(" / ")} in xstat`, sources: down.map((s) => s.source) };
  }
  if (zones.size > 0 && !zones.has(lower) && !st) return { state: "unknown_zone", why: `zone "${name}" is not configured`, sources: [] };
  return fine;
}

function zoneNames(facts: Pick<Facts, "config">): Set<string> {
  const out = new Set<string>();
  for (const [key, list] of facts.config) if (ZONE_NAME_KEY.test(key)) for (const v of list) if (v.value.trim()) out.add(v.value.trim().toLowerCase());
  return out;
}

function reasonText(v: Verdict): string {
  switch (v.kind) {
    case "no_rule":
      return "matches no enabled search rule";
    case "disabled_only":
      return `only the disabled rule${v.rules.length > 1 ? "s" : ""} ${v.rules.map(ruleLabel).join(", ")} would match`;
    case "target_down":
      return `matched ${v.rules.map(ruleLabel).join(", ")}, but ${[...new Set(v.targets.map((t) => t.why))].join("; ")}`;
    default:
      return "";
  }
}

function ruleLabel(r: SearchRule): string {
  const pattern = (r.mode ?? "").toLowerCase() === "anyalias" ? "any alias" : r.patternString ? `${(r.patternType ?? "").toLowerCase() || "pattern"} ${r.patternString}` : "no pattern";
  return `"${r.name}" (${pattern})`;
}

function lineEvidence(r: SearchRule, ...leaves: string[]): Evidence[] {
  return leaves.flatMap((l) => {
    const s = r.line(l);
    return s ? [{ file: s.file, line: s.line, text: s.text }] : [];
  });
}

function verdictEvidence(v: Verdict, rules: SearchRule[]): Evidence[] {
  switch (v.kind) {
    case "no_rule":
      // what the enabled rules match: their pattern lines (the first few)
      return rules.filter((r) => r.enabled).slice(0, 8).flatMap((r) => lineEvidence(r, (r.mode ?? "").toLowerCase() === "aliaspatternmatch" ? "Pattern String" : "Mode"));
    case "disabled_only":
      return v.rules.flatMap((r) => lineEvidence(r, "Pattern String", "State"));
    case "target_down":
      return [...v.rules.flatMap((r) => lineEvidence(r, "Target Name")), ...v.targets.flatMap((t) => t.sources.map((s) => ({ file: s.file, line: s.line, text: s.text })))];
    default:
      return [];
  }
}

function dedupe(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.file}:${e.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
