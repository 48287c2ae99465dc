// The server's side of the bundle model table (tests/fixtures/bundle-model-cases.ts): what
// POST /api/analyses and the analyzer's reader make of each upload. lib/ui/peek-bundle.test.ts runs
// the upload page's peek on the same table.
// Run: node --import tsx --test lib/bundle/bundle-model.test.ts
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BundleFile } from "@/lib/bundle/bundle-file";
import { isBundleError } from "@/lib/bundle/bundle-error";
import { hasReadableFiles } from "@/lib/bundle/file-kind";
import { readBundle } from "@/lib/bundle/read-bundle";
import { refusals } from "@/lib/bundle/read-refusals";
import { UPLOAD_SNIFF_BYTES, refusalByContent, refusalByName } from "@/lib/bundle/upload-verdict";
import { chunked } from "@/tests/fixtures/build-bundle";
import { BUNDLE_MODEL_CASES } from "@/tests/fixtures/bundle-model-cases";

type ServerView = { files: BundleFile[]; refusal: string | null; linesOf: Map<string, number> };

/** The upload route's checks, then the reader, then the pipeline's "nothing to read" check. */
async function serverView(fileName: string, bytes: Buffer): Promise<ServerView> {
  const linesOf = new Map<string, number>();
  const upload = refusalByName(fileName) ?? refusalByContent(fileName, bytes.length, bytes.subarray(0, UPLOAD_SNIFF_BYTES));
  if (upload) return { files: [], refusal: upload.code, linesOf };
  const files: BundleFile[] = [];
  try {
    const read = await readBundle(chunked(bytes), fileName, {
      visitor: {
        onFileStart: (f) => void files.push({ name: f.name, size: f.size, kind: f.kind }),
        onLine: (f) => void linesOf.set(f.name, (linesOf.get(f.name) ?? 0) + 1),
      },
    });
    assert.deepEqual(read.files.map((f) => [f.name, f.kind]), files.map((f) => [f.name, f.kind]), "the result lists the files the visitor saw");
    const refusal = hasReadableFiles(read.files) ? null : refusals.noExpresswayFiles(read.files).code;
    return { files: read.files, refusal, linesOf };
  } catch (err) {
    if (!isBundleError(err)) throw err;
    return { files, refusal: err.code, linesOf };
  }
}

describe("bundle model, server side: the reader agrees with the table", () => {
  for (const c of BUNDLE_MODEL_CASES) {
    it(c.title, async () => {
      const view = await serverView(c.fileName, await c.bytes());
      assert.equal(view.refusal, c.refusal);
      assert.deepEqual(
        view.files.map((f) => [f.name, f.kind]),
        c.files,
      );
      if (c.readsLinesOf) assert.ok((view.linesOf.get(c.readsLinesOf) ?? 0) > 0, `${c.readsLinesOf} is read line by line`);
    });
  }
});
