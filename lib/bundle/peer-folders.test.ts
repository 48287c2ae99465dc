import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inFolder, peerFolders } from "@/lib/bundle/peer-folders";

describe("peerFolders", () => {
  it("names the folders of an archive holding one folder per peer", () => {
    const files = [
      { name: "expc2/loggingsnapshot_expc2_2024-03-05_09_12_40.txt", kind: "log" as const },
      { name: "./expc1/xstat_dump_expc1_2024-03-05_09_12_40.txt", kind: "xstat" as const },
      { name: "expc1/loggingsnapshot_expc1_2024-03-05_09_12_40.txt", kind: "log" as const },
      { name: "README.txt", kind: "other" as const },
    ];
    assert.deepEqual(peerFolders(files), ["expc1", "expc2"]);
    assert.ok(inFolder("./expc1/x.txt", "expc1"));
    assert.ok(!inFolder("expc10/x.txt", "expc1"));
  });

  it("sees a plain bundle (one folder, or Expressway files at the top) as no split", () => {
    assert.deepEqual(peerFolders([{ name: "diag/loggingsnapshot_a.txt", kind: "log" }]), []);
    assert.deepEqual(peerFolders([{ name: "loggingsnapshot_a.txt", kind: "log" }, { name: "b/loggingsnapshot_b.txt", kind: "log" }, { name: "c/xconf_dump_c.txt", kind: "xconf" }]), []);
  });
});
