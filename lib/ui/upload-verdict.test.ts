import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { peekFile } from "@/lib/ui/peek-bundle";
import { uploadVerdict } from "@/lib/ui/upload-verdict";

const SAMPLE = path.resolve(__dirname, "../../tests/samples/diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz");
const NAME = path.basename(SAMPLE);
// A picture renamed to .tar.gz: the commonest wrong upload.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]);

const verdictOf = async (bytes: Uint8Array, name = NAME) => uploadVerdict(bytes.length, await peekFile(new File([new Uint8Array(bytes)], name)));

describe("uploadVerdict", () => {
  it("blocks an empty file before the browser check has answered", () => {
    const v = uploadVerdict(0, null);
    assert.equal(v.blocked && v.code, "empty_file");
  });

  it("blocks what the check says the server will not analyse: not a bundle, cut off before anything readable", async () => {
    assert.equal((await verdictOf(PNG, "holiday.tar.gz")).blocked, true);
    const cut = await verdictOf(readFileSync(SAMPLE).subarray(0, 100));
    assert.equal(cut.blocked && cut.code, "truncated", JSON.stringify(cut));
  });

  it("lets a cut bundle with readable files through: the analysis reads what is there and says it is partial", async () => {
    const whole = readFileSync(SAMPLE);
    assert.deepEqual(await verdictOf(whole.subarray(0, Math.floor(whole.length * 0.6))), { blocked: false });
  });

  it("lets the sample bundle through", async () => {
    assert.deepEqual(await verdictOf(readFileSync(SAMPLE)), { blocked: false });
  });
});
