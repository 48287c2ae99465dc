// Host and time from Expressway's file names, with either stamp spelling.
// Run: node --import tsx --test lib/bundle/bundle-name.test.ts
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBundleName } from "@/lib/bundle/bundle-name";

describe("bundle names", () => {
  it("reads host and time from the bundle's name, tolerating a browser's (1) suffix", () => {
    assert.deepEqual(parseBundleName("diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz"), { host: "expc1", timestamp: "2024-03-05 09:12:40" });
    assert.deepEqual(parseBundleName("diagnostic_log_exp-c_1.acme_2024-03-05_09_12_40 (1).tar.gz"), { host: "exp-c_1.acme", timestamp: "2024-03-05 09:12:40" });
  });

  it("reads the colon stamp Expressway writes in inner names (FORMATS.md, Real layouts)", () => {
    assert.deepEqual(parseBundleName("expc1/loggingsnapshot_expc1_2024-03-05_09:12:40.txt"), { host: "expc1", timestamp: "2024-03-05 09:12:40" });
    assert.deepEqual(parseBundleName("xstat_dump_vcs-e.example.com_2022-07-11_17:49:01.xml"), { host: "vcs-e.example.com", timestamp: "2022-07-11 17:49:01" });
  });

  it("reads member names of every dump kind", () => {
    assert.deepEqual(parseBundleName("x/loggingsnapshot_vcsc_2022-07-11_17_49_01.txt"), { host: "vcsc", timestamp: "2022-07-11 17:49:01" });
    assert.deepEqual(parseBundleName("xconf_dump_vcsc_2022-07-11_17_49_01.txt").host, "vcsc");
  });

  it("keeps a stamp without a host, and gives nothing for an unstamped name", () => {
    assert.deepEqual(parseBundleName("bundle_2024-03-05_09_12_40.tgz"), { host: null, timestamp: "2024-03-05 09:12:40" });
    assert.deepEqual(parseBundleName("bundle.tgz"), { host: null, timestamp: null });
  });
});
