import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { warmUp } from "@/lib/worker/warm-up";
import { ScanThread } from "@/lib/scan/log-feed";

describe("analyzer warm-up", () => {
  it("runs a whole analysis on the scan thread and leaves the thread ready for the next one", async () => {
    await warmUp();
    const thread = ScanThread.acquire();
    assert.ok(thread, "a scan thread is available");
    // the idle thread was handed out: a second acquire starts another one
    const other = ScanThread.acquire();
    assert.notEqual(other, thread);
    await other?.release();
    await thread.release();
  });
});
