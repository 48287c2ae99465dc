import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { aliasForMatching, ruleMatches, searchRules } from "@/lib/signatures/search-rules-no-match";
import { analyze, resultOf } from "@/lib/signatures/test-support";
import { buildFacts } from "@/lib/facts/facts-builder";
import { xconfDump, xstatDump } from "@/tests/fixtures/build-bundle";
import { REPLICATION_OK, logOf } from "@/tests/fixtures/expressway-lines";
import { type RuleSpec, searchRuleLines, zoneLines } from "@/tests/fixtures/search-rules";
import { TN212475_SEARCH_404 } from "@/tests/fixtures/sip/sip-fixtures";

const ID = "search-rules-no-match";
// TN 212475's Expressway-C: its search for sip:jorobb@rtp.ciscotac.net finds nothing and it answers 404
const host = "rtp12-tpdmz-118-VCSC";
const log = TN212475_SEARCH_404;
const ZONES = zoneLines([{ name: "CUCM Neighbor", type: "Neighbor" }, { name: "Hybrid Call Service Traversal", type: "TraversalClient" }]);
const xconf = (rules: RuleSpec[], zones = ZONES) => `${xconfDump({ host })}${[...zones, ...searchRuleLines(rules)].join("\n")}\n`;
const toExample: RuleSpec = { name: "To CUCM", pattern: ".*@example\\.com", target: "CUCM Neighbor" };
const toTac: RuleSpec = { name: "Webex Hybrid to CUCM", pattern: ".*@rtp\\.ciscotac\\.net", target: "CUCM Neighbor" };
// `*s Zones` in the indented xstat layout (as zone-not-active's test writes it)
const zoneStatus = (status: string) => `${xstatDump({ host })}*s Zones: /\n    Zone 2: /\n      Name: "CUCM Neighbor"\n      Type: "Neighbor"\n      SIP: /\n        Status: "${status}"\n`;

describe(ID, () => {
  it("names an alias whose failed search matches no enabled rule, with the rules' patterns, and takes the 404 card in", async () => {
    const out = await analyze({ host, log, xconf: xconf([toExample, { ...toTac, name: "H.323 only", protocol: "H323" }]) });
    const r = out.results.find((x) => x.signatureId === ID)!;
    assert.equal(r.outcome, "issue");
    assert.deepEqual(r.affected.map((a) => [a.host, a.reason, a.count]), [["sip:jorobb@rtp.ciscotac.net", "matches no enabled search rule", 1]]);
    assert.ok(r.evidence.some((e) => e.text.includes('Event=" Search Completed "')), "the Search Completed line");
    assert.ok(r.evidence.some((e) => e.text.includes('Rule 1 Pattern String: ".*@example\\.com"')), "the enabled rule's pattern");
    assert.equal(out.results.find((x) => x.signatureId === "sip-call-not-found")?.partOf, ID, "one root cause, one card");
  });
  it("says when only a disabled rule would have matched", async () => {
    const r = await resultOf(ID, { host, log, xconf: xconf([toExample, { ...toTac, state: "Disabled" }]) });
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].reason, /only the disabled rule "Webex Hybrid to CUCM"/);
    assert.ok(r.evidence.some((e) => e.text.includes('Rule 2 State: "Disabled"')));
  });
  it("says when the matching rule's target zone is not active in xstat", async () => {
    const out = await analyze({ host, log, xconf: xconf([toTac]), xstat: zoneStatus("Failed") });
    const r = out.results.find((x) => x.signatureId === ID)!;
    assert.equal(r.outcome, "issue");
    assert.match(r.affected[0].reason, /zone "CUCM Neighbor" is Failed in xstat/);
    assert.ok(r.evidence.some((e) => e.text.includes('Status: "Failed"')));
    assert.equal(out.results.find((x) => x.signatureId === "zone-not-active")?.partOf, ID);
  });
  it("is ok when an enabled rule with an active zone matches: the failure lies beyond the rules (TN 212475's preloaded routes)", async () => {
    const r = await resultOf(ID, { host, log, xconf: xconf([toExample, toTac]), xstat: zoneStatus("Active") });
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /beyond the rules/);
    assert.match(r.furtherInformation, /Preloaded SIP routes/);
  });
  it("does not claim 'no rule' when a rule cannot be replayed", async () => {
    const r = await resultOf(ID, { host, log, xconf: xconf([toExample, { ...toTac, pattern: "(unclosed" }]) });
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /could not be judged/);
  });
  it("is a potential problem when an enabled rule targets a zone the configuration does not have", async () => {
    const r = await resultOf(ID, { host, log: logOf(REPLICATION_OK), xconf: xconf([toExample, { ...toTac, target: "Old CUCM zone" }]) });
    assert.equal(r.outcome, "potential");
    assert.match(r.description, /"Webex Hybrid to CUCM".*"Old CUCM zone"/);
    assert.ok(r.evidence[0].text.includes('Target Name: "Old CUCM zone"'));
  });
  it("is ok with rules and no failed search", async () => {
    assert.equal((await resultOf(ID, { host, log: logOf(REPLICATION_OK), xconf: xconf([toExample]) })).outcome, "ok");
  });
  it("is missing when xconf has no search rules, and without xconf", async () => {
    assert.equal((await resultOf(ID, { host, log, xconf: xconfDump({ host }) })).outcome, "missing");
    assert.equal((await resultOf(ID, { host, log })).outcome, "missing");
  });
  it("replays Exact, Prefix, Suffix and Regex patterns on the alias without its scheme, case-insensitively", () => {
    const lines = searchRuleLines([
      { name: "e", patternType: "Exact", pattern: "bob@Acme.test", target: "LocalZone" },
      { name: "p", patternType: "Prefix", pattern: "9", target: "LocalZone" },
      { name: "s", patternType: "Suffix", pattern: "@acme.test", target: "LocalZone" },
      { name: "r", patternType: "Regex", pattern: "(\\d{4})@acme\\.test", target: "LocalZone" },
      { name: "any", mode: "AnyAlias", target: "LocalZone" },
    ]);
    const config = new Map<string, { value: string; source: null }[]>();
    for (const l of lines) {
      const m = /^\*c xConfiguration (.+?): ?(.*)$/.exec(l)!;
      config.set(m[1], [{ value: m[2].replace(/^"|"$/g, ""), source: null }]);
    }
    const rules = searchRules(buildFacts({ config }));
    const hits = (alias: string) => rules.filter((r) => ruleMatches(r, alias, "SIP")).map((r) => r.name);
    assert.equal(aliasForMatching("sip:Bob@Acme.test;transport=tls"), "bob@acme.test");
    assert.deepEqual(hits("sip:Bob@acme.test"), ["e", "s", "any"]);
    assert.deepEqual(hits("sip:2002@acme.test"), ["s", "r", "any"]);
    assert.deepEqual(hits("sip:9123@other.test"), ["p", "any"]);
  });
});
