import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseAmount } from "@/lib/signatures/memory-exhausted";
import { analyze, resultOf } from "@/lib/signatures/test-support";
import { xstatDump } from "@/tests/fixtures/build-bundle";
import { REPLICATION_OK, alarmLine, logOf, oomKillerLines } from "@/tests/fixtures/expressway-lines";

const ID = "memory-exhausted";
const host = "expc1";
const ts = "2024-03-05T09:20:11.402+01:00";
// The memory block's place and leaf names are modelled: no public xstat output with memory values
// was found (searched: public code for `*s ResourceUsage`, `xstatus Hardware`, status.xml readers
// (centreon-plugins' cisco/vcs modes, Python `/status.xml` clients), TANDBERG's API guide
// D14172.01, whose ResourceUsage lists only registrations and calls). A public health-check post
// (Unhall0w3d/UnHall0w3d.github.io, _posts/2022-12-09-health-checks-vcs-expressway.md) says
// `xstatus Hardware` returns "Memory Total" without showing the layout, so the collector reads any
// `Memory` block (Total with Available / Free / Used, or a percentage), wherever it sits.
const withMemory = (total: string, available: string) => `${xstatDump({ host })}*s ResourceUsage: /\n    Memory: /\n      Total: "${total}"\n      Available: "${available}"\n`;

describe(ID, () => {
  it("names the process the kernel's out-of-memory killer killed", async () => {
    const r = await resultOf(ID, { host, log: logOf(REPLICATION_OK, oomKillerLines({ ts, host })) });
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /killed tvcs/);
    assert.deepEqual(r.affected.map((a) => [a.service, a.reason]).sort(), [["kernel OOM killer", "tvcs could not get memory"], ["kernel OOM killer", "tvcs killed"]]);
    assert.equal(r.evidence.length, 2);
    assert.ok(r.evidence.every((e) => e.text.includes("kernel:")));
  });
  it("reads the older kernels' `Kill process ... or sacrifice child` too", async () => {
    const r = await resultOf(ID, { host, log: logOf(oomKillerLines({ ts, host, victim: "traffic_server", legacy: true })) });
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /killed traffic_server/);
  });
  it("takes an open alarm whose text is about memory, and the generic alarm card folds into it", async () => {
    // an id the catalog does not list (the Administrator Guide's list we carry has no memory alarm)
    const raised = alarmLine({ ts, host, event: "Raised", id: "15099", detail: "Low memory: The system is running low on memory" });
    const out = await analyze({ host, log: logOf(raised) });
    const r = out.results.find((x) => x.signatureId === ID)!;
    assert.equal(r.outcome, "issue");
    assert.match(r.description, /1 memory alarm open/);
    assert.equal(out.results.find((x) => x.signatureId === "alarm-raised-not-lowered")?.partOf, ID);
  });
  it("is an issue when the status dump shows memory at 95% or more, a potential problem from 90%", async () => {
    const full = await resultOf(ID, { host, xstat: withMemory("8052 MB", "210 MB") });
    assert.equal(full.outcome, "issue");
    assert.match(full.description, /97% used \(7.7 GiB of 7.9 GiB\)/);
    assert.ok(full.evidence.some((e) => e.text.includes('Available: "210 MB"')));
    assert.equal((await resultOf(ID, { host, xstat: withMemory("8052 MB", "600 MB") })).outcome, "potential");
  });
  it("is ok with a log and a status dump that show no memory trouble", async () => {
    const r = await resultOf(ID, { host, log: logOf(REPLICATION_OK), xstat: withMemory("8052 MB", "4100 MB") });
    assert.equal(r.outcome, "ok");
    assert.match(r.description, /49% used/);
  });
  it("is missing without a log and a status dump", async () => {
    assert.equal((await resultOf(ID, { host, xconf: "*c xConfiguration SystemUnit Name: \"expc1\"\n" })).outcome, "missing");
  });
  it("reads amounts with and without units", () => {
    assert.deepEqual(parseAmount("8052 MB"), { n: 8052 * 1024 ** 2, unit: "bytes" });
    assert.deepEqual(parseAmount("8245732 kB"), { n: 8245732 * 1024, unit: "bytes" });
    assert.deepEqual(parseAmount("93%"), { n: 93, unit: "%" });
    assert.equal(parseAmount("lots"), null);
  });
});
